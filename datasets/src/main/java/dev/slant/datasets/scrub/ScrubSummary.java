package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Scrubber} removed from a corpus ({@link Scrubber#summarize}).
 *
 * @param articles        articles scrubbed
 * @param articlesChanged articles from which something was removed
 * @param charsBefore     characters of title and text before scrubbing
 * @param charsAfter      characters of title and text after scrubbing
 * @param articlesByRule  per rule, the articles it removed something from; every rule present, in declaration order
 * @param articlesByEntry per rule entry (a phrase, an opener, a marker, an outlet name or domain, a dateline's
 *                        agency), the articles it removed something from; most articles first, then by rule, then
 *                        by entry
 */
public record ScrubSummary(int articles, int articlesChanged, long charsBefore, long charsAfter,
        Map<ScrubRule, Integer> articlesByRule, List<EntryCount> articlesByEntry) {

    /**
     * Articles affected by one rule entry.
     *
     * @param rule     the rule
     * @param entry    the entry, as in {@link Removal#entry()}
     * @param articles the articles it removed something from
     */
    public record EntryCount(ScrubRule rule, String entry, int articles) {
        /** Validates. @throws NullPointerException if rule or entry is null */
        public EntryCount {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Validates and copies. @throws NullPointerException if a map or list is null */
    public ScrubSummary {
        articlesByRule = Collections.unmodifiableMap(new EnumMap<>(articlesByRule));
        articlesByEntry = List.copyOf(articlesByEntry);
    }

    /** Counts articles as they are scrubbed. Not thread-safe. */
    static final class Tally {
        private int articles;
        private int changed;
        private long before;
        private long after;
        private final Map<ScrubRule, Integer> byRule = new EnumMap<>(ScrubRule.class);
        private final Map<ScrubRule, Map<String, Integer>> byEntry = new EnumMap<>(ScrubRule.class);

        Tally() {
            for (ScrubRule r : ScrubRule.values()) {
                byRule.put(r, 0);
                byEntry.put(r, new HashMap<>());
            }
        }

        void add(Article original, ScrubResult result) {
            articles++;
            before += original.title().length() + original.text().length();
            after += result.scrubbed().title().length() + result.scrubbed().text().length();
            if (result.removals().isEmpty()) {
                return;
            }
            changed++;
            Set<ScrubRule> rules = new HashSet<>();
            Set<Map.Entry<ScrubRule, String>> entries = new HashSet<>();
            for (Removal r : result.removals()) {
                rules.add(r.rule());
                entries.add(Map.entry(r.rule(), r.entry()));
            }
            rules.forEach(r -> byRule.merge(r, 1, Integer::sum));
            entries.forEach(e -> byEntry.get(e.getKey()).merge(e.getValue(), 1, Integer::sum));
        }

        ScrubSummary summary() {
            List<EntryCount> counts = new ArrayList<>();
            byEntry.forEach((rule, m) -> m.forEach((entry, n) -> counts.add(new EntryCount(rule, entry, n))));
            counts.sort(Comparator.comparingInt((EntryCount c) -> -c.articles()).thenComparing(EntryCount::rule)
                    .thenComparing(EntryCount::entry));
            return new ScrubSummary(articles, changed, before, after, byRule, counts);
        }
    }
}
