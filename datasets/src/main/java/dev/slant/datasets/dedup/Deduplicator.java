package dev.slant.datasets.dedup;

import dev.slant.datasets.Article;
import dev.slant.datasets.Hashing;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Finds exact and near duplicates among labelled articles.
 *
 * <p>Each article's key text (by default {@link TextKeys#BODY_LOWERCASE_COLLAPSED}) is fingerprinted
 * ({@link Fingerprint}); articles with equal fingerprints are exact duplicates. Only the fingerprint is kept,
 * never the text. When {@link DedupSettings#nearDuplicates()} is on, each distinct key text is also cut into word
 * shingles ({@link Shingler}) and given a MinHash signature ({@link MinHasher}); LSH banding proposes candidate
 * pairs, and pairs whose estimated Jaccard similarity reaches the threshold are linked. Groups are the connected
 * components of all links, so two members of a near group may be less alike than the threshold through a chain
 * of members that are alike enough.
 *
 * <p>The result depends only on the articles, their order, the key function and the settings. Immutable and
 * thread-safe if the key function is; {@link #find} calls the key function from several threads at once.
 */
public final class Deduplicator {
    private final DedupSettings settings;
    private final Function<Article, String> textKey;
    private final Shingler shingler;
    private final MinHasher minHasher;

    /**
     * @param settings how to look for near duplicates
     * @param textKey  the text compared, for example a normalized view of the body
     * @throws NullPointerException if an argument is null
     */
    public Deduplicator(DedupSettings settings, Function<Article, String> textKey) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.textKey = Objects.requireNonNull(textKey, "textKey");
        this.shingler = new Shingler(settings.shingleWords());
        this.minHasher = new MinHasher(settings.signatureLength(), settings.seed());
    }

    /** @return a deduplicator with {@link DedupSettings#DEFAULT} on {@link TextKeys#BODY_LOWERCASE_COLLAPSED} */
    public static Deduplicator withDefaults() {
        return new Deduplicator(DedupSettings.DEFAULT, TextKeys.BODY_LOWERCASE_COLLAPSED);
    }

    /**
     * The deduplicator every command uses, so that a split made by {@code train}, {@code evaluate} and
     * {@code export} keeps the same copies together: {@link DedupSettings#DEFAULT} on the normalized view of the
     * body (exact duplicates are articles with the same normalized text).
     *
     * @return the deduplicator
     */
    public static Deduplicator onNormalizedText() {
        return new Deduplicator(DedupSettings.DEFAULT, a -> dev.slant.datasets.text.TextNormalizer.normalize(a.text()));
    }

    /** @return the settings */
    public DedupSettings settings() {
        return settings;
    }

    /**
     * Finds the duplicates among articles, reading them once.
     *
     * @param articles the articles, ids unique
     * @return the duplicate groups
     * @throws IllegalArgumentException if two articles share an id
     * @throws NullPointerException     if an article is null or the key function returns null
     */
    public DuplicateGroups find(Iterable<LabelledArticle> articles) {
        List<LabelledArticle> items = new ArrayList<>();
        articles.forEach(items::add);
        // Keys, fingerprints and signatures depend on one article each: computed on all cores, then used in order
        // below, so the result (and the first error) is the same as one thread's.
        Keyed[] keyed = new Keyed[items.size()];
        IntStream.range(0, items.size()).parallel().forEach(p -> keyed[p] = key(items.get(p)));
        List<String> ids = new ArrayList<>();
        List<Labels> labels = new ArrayList<>();
        Map<String, Integer> positionById = new HashMap<>();
        int[] textOf = new int[1024];
        Map<Fingerprint, Integer> textByFingerprint = new HashMap<>();
        Signatures signatures = new Signatures(settings.signatureLength());
        UnionFind texts = new UnionFind();
        int withoutWords = 0;
        for (LabelledArticle item : items) {
            int position = ids.size();
            Objects.requireNonNull(item, () -> "article #" + (position + 1) + " of the input is null");
            String id = item.id();
            Integer earlier = positionById.putIfAbsent(id, position);
            if (earlier != null) {
                throw new IllegalArgumentException("article id '" + id + "' occurs twice: articles #" + (earlier + 1)
                        + " and #" + (position + 1) + " of the input (ids must be unique)");
            }
            Keyed k = keyed[position];
            if (k.failure != null) {
                throw k.failure;
            }
            if (k.fingerprint == null) {
                throw new NullPointerException(
                        "the text key of article '" + id + "' (#" + (position + 1) + " of the input) is null");
            }
            Integer text = textByFingerprint.get(k.fingerprint);
            if (text == null) {
                text = texts.add();
                textByFingerprint.put(k.fingerprint, text);
                if (settings.nearDuplicates() && !signatures.add(text, k.signature)) {
                    withoutWords++;
                }
            } else if (settings.nearDuplicates() && !signatures.has(text)) {
                withoutWords++;
            }
            if (position == textOf.length) {
                textOf = Arrays.copyOf(textOf, position * 2);
            }
            textOf[position] = text;
            ids.add(id);
            labels.add(item.labels());
        }
        if (settings.nearDuplicates()) {
            linkNearDuplicates(signatures, texts);
        }
        return groups(ids, labels, textOf, texts, withoutWords);
    }

    /** One article's fingerprint (null when its key is null) and signature (null when it has no words or none is wanted). */
    private record Keyed(Fingerprint fingerprint, int[] signature, RuntimeException failure) {
    }

    private Keyed key(LabelledArticle item) {
        if (item == null) {
            return new Keyed(null, null, null);
        }
        try {
            String key = textKey.apply(item.article());
            if (key == null) {
                return new Keyed(null, null, null);
            }
            int[] signature = null;
            if (settings.nearDuplicates()) {
                long[] shingles = shingler.shingles(key);
                signature = shingles.length == 0 ? null : minHasher.signature(shingles);
            }
            return new Keyed(Fingerprint.of(key), signature, null);
        } catch (RuntimeException e) {
            return new Keyed(null, null, e);
        }
    }

    /** Links the texts whose signatures share a band and agree on at least the threshold's share of values. */
    private void linkNearDuplicates(Signatures signatures, UnionFind texts) {
        int rows = settings.rowsPerBand();
        int length = settings.signatureLength();
        int needed = (int) Math.ceil(settings.threshold() * length - 1e-9);
        int count = signatures.count();
        int[] previousInBucket = new int[count];
        for (int band = 0; band < settings.bands(); band++) {
            Map<Long, Integer> lastInBucket = new HashMap<>(count * 2);
            for (int s = 0; s < count; s++) {
                long key = signatures.bandKey(s, band * rows, rows);
                Integer last = lastInBucket.put(key, s);
                previousInBucket[s] = last == null ? -1 : last;
                int text = signatures.text(s);
                for (int other = previousInBucket[s]; other >= 0; other = previousInBucket[other]) {
                    int otherText = signatures.text(other);
                    if (texts.find(text) != texts.find(otherText)
                            && signatures.agreements(s, other) >= needed) {
                        texts.union(text, otherText);
                    }
                }
            }
        }
    }

    private static DuplicateGroups groups(List<String> ids, List<Labels> labels, int[] textOf, UnionFind texts,
                                          int withoutWords) {
        int n = ids.size();
        int[] root = new int[n];
        Map<Integer, Integer> sizeByRoot = new HashMap<>();
        for (int p = 0; p < n; p++) {
            root[p] = texts.find(textOf[p]);
            sizeByRoot.merge(root[p], 1, Integer::sum);
        }
        Map<Integer, List<Integer>> membersByRoot = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            if (sizeByRoot.get(root[p]) > 1) {
                membersByRoot.computeIfAbsent(root[p], r -> new ArrayList<>()).add(p);
            }
        }
        List<DuplicateGroup> groups = new ArrayList<>(membersByRoot.size());
        for (List<Integer> members : membersByRoot.values()) {
            List<String> memberIds = new ArrayList<>(members.size());
            List<Labels> memberLabels = new ArrayList<>(members.size());
            boolean oneText = true;
            for (int p : members) {
                memberIds.add(ids.get(p));
                memberLabels.add(labels.get(p));
                oneText &= textOf[p] == textOf[members.get(0)];
            }
            groups.add(new DuplicateGroup(memberIds, oneText ? DuplicateKind.EXACT : DuplicateKind.NEAR,
                    conflictingTargets(memberLabels)));
        }
        return new DuplicateGroups(n, withoutWords, groups);
    }

    /** The targets on which the members that carry them do not all carry the same set of labels. */
    static Set<String> conflictingTargets(List<Labels> members) {
        Map<String, Set<Set<String>>> valuesByTarget = new HashMap<>();
        for (Labels l : members) {
            l.byTarget().forEach((target, values) ->
                    valuesByTarget.computeIfAbsent(target, t -> new HashSet<>()).add(Set.copyOf(values)));
        }
        Set<String> conflicting = new TreeSet<>();
        valuesByTarget.forEach((target, values) -> {
            if (values.size() > 1) {
                conflicting.add(target);
            }
        });
        return conflicting;
    }

    /** The MinHash signatures of the distinct texts that have words, stored end to end. */
    private static final class Signatures {
        private final int length;
        private int[] values;
        private int[] textOfSignature = new int[1024];
        private final BitSet textsWithSignature = new BitSet();
        private int count;

        Signatures(int length) {
            this.length = length;
            this.values = new int[length * 1024];
        }

        /** Stores a text's signature; false, and nothing stored, when it has none (null). */
        boolean add(int text, int[] signature) {
            if (signature == null) {
                return false;
            }
            if (count == textOfSignature.length) {
                textOfSignature = Arrays.copyOf(textOfSignature, count * 2);
                values = Arrays.copyOf(values, values.length * 2);
            }
            System.arraycopy(signature, 0, values, count * length, length);
            textOfSignature[count++] = text;
            textsWithSignature.set(text);
            return true;
        }

        boolean has(int text) {
            return textsWithSignature.get(text);
        }

        int count() {
            return count;
        }

        int text(int signature) {
            return textOfSignature[signature];
        }

        long bandKey(int signature, int from, int rows) {
            long h = from;
            int base = signature * length + from;
            for (int i = 0; i < rows; i++) {
                h = (h ^ (values[base + i] & 0xFFFFFFFFL)) * Hashing.FNV_PRIME;
            }
            return Hashing.fmix64(h);
        }

        int agreements(int a, int b) {
            return MinHasher.agreements(values, a * length, values, b * length, length);
        }
    }
}
