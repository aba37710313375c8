package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import dev.slant.datasets.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns boilerplate phrases and line openers from training articles, as {@link ScrubSettings} describes: each
 * training article's text is cut by the {@link SegmentScanner}, and each phrase and opener is counted once per
 * article, per group of articles (by hash of its normal form: a 64-bit collision merging two counts is possible in
 * principle, and harmless, since nothing is removed later without comparing the text itself).
 *
 * <p>Then, among the openers that qualify: an opener is dropped when a longer qualifying opener that extends it
 * occurs in at least {@link #EXTENSION_SHARE} of its articles (the longer one says more), then an opener is dropped
 * when a shorter kept one starts it (so "... device Media caption" is learned, not also "... Media caption The"), and an opener is
 * dropped when a learned phrase extends it and occurs in at least {@link #EXTENSION_SHARE} of its articles. Phrases and
 * openers are ordered by the number of training articles they occur in (most first), then by text, and cut to
 * {@link ScrubSettings#maxPhrases()} each: the same training articles in any order give the same rules.
 *
 * <p>Single use, not thread-safe.
 */
final class BoilerplateLearner implements SegmentScanner.Listener {
    /** See the class comment. */
    static final double EXTENSION_SHARE = 0.9;
    private static final int PHRASE = 0;
    private static final int OPENER = 1;
    private static final int NO_GROUP = -1;

    private final ScrubSettings settings;
    private final SegmentScanner scanner;
    private final LongCounts counts = new LongCounts();
    private final LongCounts seenInArticle = new LongCounts();
    private final Map<String, Integer> groupIds = new HashMap<>();
    private int[] groupSizes = new int[16];
    private final Map<Long, Candidate> candidates = new HashMap<>();
    private String text;
    private int group;
    private int openerEnd;
    private long openerHash;

    /** A phrase or opener that reached the article count in at least one group. */
    private static final class Candidate {
        final int kind;
        final long hash;
        final String text;
        final List<Integer> groups = new ArrayList<>();
        int articles;

        Candidate(int kind, long hash, String text) {
            this.kind = kind;
            this.hash = hash;
            this.text = text;
        }
    }

    /** @param settings the settings */
    BoilerplateLearner(ScrubSettings settings) {
        this.settings = settings;
        this.scanner = new SegmentScanner(new Datelines(settings.agencies()), settings.minOpenerWords(),
                settings.maxOpenerWords(), true);
    }

    /**
     * Counts one training article.
     *
     * @param article the article
     */
    void add(Article article) {
        group = groupOf(article);
        groupSizes[group]++;
        seenInArticle.clear();
        text = article.text();
        scanner.scan(text, this);
        text = null;
    }

    private int groupOf(Article article) {
        String key = article.meta(Article.OUTLET).map(o -> "outlet:" + o)
                .orElseGet(() -> article.meta(Article.HOST).map(h -> "host:" + h).orElse(""));
        Integer id = groupIds.get(key);
        if (id == null) {
            id = groupIds.size();
            groupIds.put(key, id);
            if (id == groupSizes.length) {
                groupSizes = Arrays.copyOf(groupSizes, id * 2);
            }
        }
        return id;
    }

    @Override
    public void dateline(int start, int end, int agency) {
        // datelines are a fixed rule; the scanner starts the line's content after them
    }

    @Override
    public boolean wantsOpeners(String scanned, int start, int end) {
        openerEnd = start;
        openerHash = PhraseText.EMPTY_HASH;
        return true;
    }

    @Override
    public void opener(int start, int end, int words) {
        openerHash = PhraseText.extend(openerHash, openerEnd == start, text, openerEnd, end);
        openerEnd = end;
        count(OPENER, openerHash, start, end);
    }

    @Override
    public void segment(int start, int end) {
        if (end - start > settings.maxPhraseChars() || letters(start, end) < settings.minLetters()) {
            return;
        }
        count(PHRASE, PhraseText.hash(text, start, end), start, end);
    }

    private int letters(int start, int end) {
        int n = 0;
        for (int i = start; i < end && n < settings.minLetters(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private void count(int kind, long hash, int start, int end) {
        long key = key(group, kind, hash);
        if (seenInArticle.increment(key) != 1) {
            return;
        }
        if (counts.increment(key) == settings.minArticles()) {
            Candidate c = candidates.computeIfAbsent(key(NO_GROUP, kind, hash),
                    k -> new Candidate(kind, hash, PhraseText.normalize(text, start, end)));
            c.groups.add(group);
        }
    }

    private static long key(int group, int kind, long hash) {
        long k = Hashing.fmix64(hash + 0x9e3779b97f4a7c15L * (group + 2L) + 0xc2b2ae3d27d4eb4fL * kind);
        return k == 0 ? 1 : k;
    }

    /**
     * The rules learned from the articles added.
     *
     * @return the rules, with the fixed rules of the settings
     */
    ScrubRules rules() {
        List<Candidate> phrases = new ArrayList<>();
        List<Candidate> openers = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            double share = c.kind == PHRASE ? settings.minOutletShare() : settings.minOpenerShare();
            boolean qualifies = false;
            for (int g : c.groups) {
                qualifies |= counts.get(key(g, c.kind, c.hash)) >= share * groupSizes[g];
            }
            if (qualifies) {
                int articles = 0;
                for (int g = 0; g < groupIds.size(); g++) {
                    articles += counts.get(key(g, c.kind, c.hash));
                }
                c.articles = articles;
                (c.kind == PHRASE ? phrases : openers).add(c);
            }
        }
        Comparator<Candidate> order = Comparator.<Candidate>comparingInt(c -> -c.articles)
                .thenComparing(c -> c.text);
        phrases.sort(order);
        openers.sort(order);
        List<Candidate> keptOpeners = maximalOpeners(openers, phrases);
        return new ScrubRules(settings.datelines(), settings.agencies(), settings.ownOutlet(), settings.markers(),
                texts(phrases), texts(keptOpeners));
    }

    private List<String> texts(List<Candidate> list) {
        return list.stream().limit(settings.maxPhrases()).map(c -> c.text).toList();
    }

    /** The opener filtering of the class comment; keeps the given order. */
    private static List<Candidate> maximalOpeners(List<Candidate> openers, List<Candidate> phrases) {
        Map<String, Candidate> byText = new HashMap<>();
        openers.forEach(c -> byText.put(c.text, c));
        Set<String> dropped = new HashSet<>();
        for (Candidate longer : openers) {
            for (String prefix : wordPrefixes(longer.text)) {
                Candidate shorter = byText.get(prefix);
                if (shorter != null && longer.articles >= EXTENSION_SHARE * shorter.articles) {
                    dropped.add(prefix);
                }
            }
        }
        List<Candidate> byLength = new ArrayList<>(openers);
        byLength.sort(Comparator.comparingInt((Candidate c) -> c.text.length()).thenComparing(c -> c.text));
        Set<String> kept = new HashSet<>();
        for (Candidate c : byLength) {
            if (!dropped.contains(c.text) && wordPrefixes(c.text).stream().noneMatch(kept::contains)) {
                kept.add(c.text);
            }
        }
        for (Candidate p : phrases) {
            for (String prefix : wordPrefixes(p.text)) {
                Candidate opener = byText.get(prefix);
                if (opener != null && p.articles >= EXTENSION_SHARE * opener.articles) {
                    kept.remove(prefix);
                }
            }
        }
        return openers.stream().filter(c -> kept.contains(c.text)).toList();
    }

    /** "a b c" → ["a", "a b"]: the proper prefixes that end at a word's end. */
    private static List<String> wordPrefixes(String normalized) {
        List<String> out = new ArrayList<>();
        for (int i = normalized.indexOf(' '); i >= 0; i = normalized.indexOf(' ', i + 1)) {
            out.add(normalized.substring(0, i));
        }
        return out;
    }
}
