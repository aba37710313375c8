package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Removes outlet fingerprints from an article's title and text: datelines, the article's own outlet names and web
 * domains, markers, and boilerplate phrases and line openers learned from training articles only. Each field is
 * scanned once ({@link SegmentScanner}): datelines are checked once at each line start, each sentence and line is
 * looked up among the learned phrases ({@link PhraseTable}: a signature check, and only then a hash lookup), and
 * line openers at the first few word ends of a line that may start one; markers and the own outlet's few names and
 * domains are searched with {@link String#indexOf}. No regular expression runs.
 *
 * <p>Immutable and thread-safe; built only from its {@link ScrubRules}, so a saved scrubber is rebuilt exactly.
 */
public final class Scrubber implements UnaryOperator<Article> {
    /** The scrubber that changes nothing. */
    public static final Scrubber NONE = new Scrubber(ScrubRules.NONE);
    /** How many outlets' derived names are cached; beyond that they are derived for each article. */
    public static final int OUTLET_CACHE_LIMIT = 10_000;

    private final ScrubRules rules;
    private final Datelines datelines;
    private final PhraseTable phrases;
    private final PhraseTable openers;
    private final Markers markers;
    private final SegmentScanner scanner;
    private final boolean scans;
    private final ConcurrentHashMap<String, OutletNames> outletCache = new ConcurrentHashMap<>();

    private Scrubber(ScrubRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.datelines = new Datelines(rules.agencies());
        this.phrases = new PhraseTable(rules.phrases());
        this.openers = new PhraseTable(rules.lineOpeners());
        this.markers = new Markers(rules.markers());
        int minWords = rules.lineOpeners().stream().mapToInt(Scrubber::words).min().orElse(1);
        int maxWords = rules.lineOpeners().stream().mapToInt(Scrubber::words).max().orElse(0);
        this.scanner = new SegmentScanner(datelines, minWords, maxWords, !phrases.isEmpty());
        this.scans = !phrases.isEmpty() || !openers.isEmpty() || rules.datelines();
    }

    private static int words(String normalized) {
        return (int) normalized.chars().filter(c -> c == ' ').count() + 1;
    }

    /**
     * @param rules the rules
     * @return a scrubber applying them
     * @throws NullPointerException if rules is null
     */
    public static Scrubber of(ScrubRules rules) {
        return Objects.requireNonNull(rules, "rules").equals(ScrubRules.NONE) ? NONE : new Scrubber(rules);
    }

    /**
     * Learns boilerplate from training articles (never give it test articles) as {@link ScrubSettings} describes.
     * Counting takes memory in proportion to the training text: about 200 MB for the 225 MB of article-bias.
     *
     * @param training the training articles, read once
     * @param settings the settings
     * @return a scrubber whose rules hold the settings' fixed rules and what was learned
     * @throws NullPointerException if an argument or an article is null
     */
    public static Scrubber fit(Iterable<Article> training, ScrubSettings settings) {
        Objects.requireNonNull(settings, "settings");
        BoilerplateLearner learner = new BoilerplateLearner(settings);
        for (Article a : Objects.requireNonNull(training, "training")) {
            learner.add(Objects.requireNonNull(a, "training article"));
        }
        return of(learner.rules());
    }

    /**
     * {@link #fit(Iterable, ScrubSettings)} with {@link ScrubSettings#DEFAULTS}.
     *
     * @param training the training articles, read once
     * @return the fitted scrubber
     * @throws NullPointerException if training or an article is null
     */
    public static Scrubber fit(Iterable<Article> training) {
        return fit(training, ScrubSettings.DEFAULTS);
    }

    /** @return the rules, for saving */
    public ScrubRules rules() {
        return rules;
    }

    /**
     * Scrubs an article.
     *
     * @param article the article
     * @return the scrubbed article, or the same instance when nothing is removed
     * @throws NullPointerException if article is null
     */
    @Override
    public Article apply(Article article) {
        if (this == NONE) {
            return Objects.requireNonNull(article, "article");
        }
        OutletNames names = outletNames(article);
        String title = find(article.title(), names).remove(article.title());
        String text = find(article.text(), names).remove(article.text());
        if (title == article.title() && text == article.text()) {
            return article;
        }
        return article.withContent(title, text);
    }

    /**
     * Writes one field of an article, scrubbed, into a buffer: the same characters as that field of
     * {@link #apply}'s result, without building a string (for readers of characters, such as the featurizer).
     *
     * @param article the article
     * @param field   the field
     * @param into    receives the scrubbed field from index 0; at least as long as the field, which scrubbing never
     *                lengthens
     * @return the number of characters written
     * @throws IllegalArgumentException if the buffer is shorter than the field
     * @throws NullPointerException     if an argument is null
     */
    public int scrubInto(Article article, ArticleField field, char[] into) {
        String text = switch (Objects.requireNonNull(field, "field")) {
            case TITLE -> article.title();
            case TEXT -> article.text();
        };
        if (into.length < text.length()) {
            throw new IllegalArgumentException(
                    "a buffer of " + into.length + " chars for a " + field + " of " + text.length());
        }
        SpanList spans = this == NONE ? new SpanList() : find(text, outletNames(article));
        return spans.removeInto(text, into);
    }

    /**
     * Scrubs an article and lists what was removed.
     *
     * @param article the article
     * @return the scrubbed article (the same instance when nothing is removed) and the removals
     * @throws NullPointerException if article is null
     */
    public ScrubResult explain(Article article) {
        OutletNames names = outletNames(article);
        SpanList titleSpans = find(article.title(), names);
        SpanList textSpans = find(article.text(), names);
        List<Removal> removals = new ArrayList<>();
        addRemovals(ArticleField.TITLE, article.title(), titleSpans, names, removals);
        addRemovals(ArticleField.TEXT, article.text(), textSpans, names, removals);
        removals.sort(Comparator.comparing(Removal::field).thenComparingInt(Removal::start)
                .thenComparingInt(Removal::end).thenComparing(Removal::rule));
        String title = titleSpans.remove(article.title());
        String text = textSpans.remove(article.text());
        Article scrubbed = title == article.title() && text == article.text() ? article
                : article.withContent(title, text);
        return new ScrubResult(scrubbed, removals);
    }

    /**
     * Scrubs articles and counts what was removed, by rule and by rule entry.
     *
     * @param articles the articles, read once
     * @return the counts
     * @throws NullPointerException if articles or an article is null
     */
    public ScrubSummary summarize(Iterable<Article> articles) {
        ScrubSummary.Tally tally = new ScrubSummary.Tally();
        for (Article a : articles) {
            tally.add(a, explain(a));
        }
        return tally.summary();
    }

    private OutletNames outletNames(Article article) {
        if (!rules.ownOutlet()) {
            return OutletNames.NONE;
        }
        String outlet = article.metadata().get(Article.OUTLET);
        String host = article.metadata().get(Article.HOST);
        if (outlet == null && host == null) {
            return OutletNames.NONE;
        }
        String key = outlet + '\u0000' + host;
        OutletNames names = outletCache.get(key);
        if (names == null) {
            names = OutletNames.of(article);
            if (outletCache.size() < OUTLET_CACHE_LIMIT) {
                outletCache.putIfAbsent(key, names);
            }
        }
        return names;
    }

    private SpanList find(String field, OutletNames names) {
        SpanList spans = new SpanList();
        if (scans) {
            scanner.scan(field, new Finder(field, spans));
        }
        markers.find(field, spans);
        names.find(field, spans);
        return spans;
    }

    private void addRemovals(ArticleField field, String original, SpanList spans, OutletNames names,
            List<Removal> out) {
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.start(i);
            int end = spans.end(i);
            ScrubRule rule = spans.rule(i);
            out.add(new Removal(field, start, end, original.substring(start, end), rule,
                    entry(rule, spans.entry(i), names)));
        }
    }

    private String entry(ScrubRule rule, int index, OutletNames names) {
        return switch (rule) {
            case DATELINE -> datelines.agencyName(index);
            case OUTLET_NAME, OUTLET_DOMAIN -> names.entry(rule, index);
            case MARKER -> markers.get(index);
            case PHRASE -> phrases.get(index);
            case LINE_OPENER -> openers.get(index);
        };
    }

    /** Turns what the scanner finds in one field into spans to remove. */
    private final class Finder implements SegmentScanner.Listener {
        private final String field;
        private final SpanList spans;

        Finder(String field, SpanList spans) {
            this.field = field;
            this.spans = spans;
        }

        @Override
        public void dateline(int start, int end, int agency) {
            if (rules.datelines()) {
                spans.add(start, end, ScrubRule.DATELINE, agency);
            }
        }

        @Override
        public boolean wantsOpeners(String text, int start, int end) {
            return openers.mayStartAt(text, start, end);
        }

        @Override
        public void opener(int start, int end, int words) {
            int found = openers.find(field, start, end);
            if (found >= 0) {
                spans.addOrWidenLast(start, end, ScrubRule.LINE_OPENER, found);
            }
        }

        @Override
        public void segment(int start, int end) {
            int found = phrases.find(field, start, end);
            if (found >= 0) {
                spans.add(start, end, ScrubRule.PHRASE, found);
            }
        }
    }
}
