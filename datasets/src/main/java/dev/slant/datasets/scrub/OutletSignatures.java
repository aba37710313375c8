package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Real outlet signatures, the kind scrubbing removes from an article's own outlet, gathered to test whether another
 * outlet's signature moves a model: datelines of the agencies {@link ScrubSettings#DEFAULT_AGENCIES} lists, reprint
 * footers found at the end of article-bias articles, and outlet names derived as {@link OutletNames} derives them.
 */
public final class OutletSignatures {
    /**
     * Reprint and contact footers that end article-bias articles, each with the number of articles it ends there (its
     * digits as in one of them) and the outlet that carries it, from right-rated to left-rated outlets.
     */
    public static final List<String> FOOTERS = List.of(
            // Washington Times, 2,823 articles.
            "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
            // The Daily Caller, 170.
            "Content created by The Daily Caller News Foundation is available without charge to any eligible news "
                    + "publisher that can provide a large audience. For licensing opportunities of our original content, "
                    + "please contact licensing@dailycallernewsfoundation.org.",
            // Fox News, 670 (with or without the final period).
            "The Associated Press contributed to this report.",
            // Reason and The American Spectator, 57.
            "COPYRIGHT 2019 CREATORS.COM",
            // The Associated Press, in the Christian Science Monitor and CBN, 43.
            "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, "
                    + "rewritten or redistributed.",
            // NPR, 25.
            "NPR transcripts are created on a rush deadline by Verb8tm, Inc., an NPR contractor, and produced using a "
                    + "proprietary transcription process developed with NPR. This text may not be in its final form and "
                    + "may be updated or revised in the future. Accuracy and availability may vary. The authoritative "
                    + "record of NPR’s programming is the audio record.",
            // BBC News, 30.
            "Please include a contact number if you are willing to speak to a BBC journalist. You can also contact us "
                    + "in the following ways:",
            // Politico, 96.
            "Follow @politico",
            // Time, 33.
            "Contact us at editors@time.com.",
            // CNN, 35.
            "Join us on Facebook.com/CNNOpinion.");

    /** Places that open datelines. */
    public static final List<String> DATELINE_PLACES = List.of("WASHINGTON", "NEW YORK", "LONDON", "CHICAGO");

    private OutletSignatures() {
    }

    /**
     * Datelines in both forms {@link Datelines} recognizes: a place and an agency in parentheses ("WASHINGTON
     * (Reuters) - "), the agency alone ("(CNN) — "), and a place in capitals with a dash ("WASHINGTON — ").
     *
     * @param agencies the agencies, as written in parentheses
     * @return the datelines, each ending in a space
     */
    public static List<String> datelines(List<String> agencies) {
        List<String> out = new ArrayList<>();
        String[] dashes = {"-", "—"};
        for (int i = 0; i < agencies.size(); i++) {
            String place = DATELINE_PLACES.get(i % DATELINE_PLACES.size());
            out.add(place + " (" + agencies.get(i) + ") " + dashes[i % 2] + " ");
            out.add("(" + agencies.get(i) + ") " + dashes[(i + 1) % 2] + " ");
        }
        for (String place : DATELINE_PLACES) {
            out.add(place + " — ");
        }
        return out;
    }

    /**
     * The names outlets of a corpus go by: for each outlet ({@link Article#OUTLET}), the longest name
     * {@link OutletNames} derives for it that is not all capitals (unless all are), the outlets with most articles
     * first. Outlets that give the same name are one.
     *
     * @param articles the articles
     * @param most     the most names to return
     * @return the names, most articles first (ties in name order)
     */
    public static List<String> outletNames(Iterable<Article> articles, int most) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        for (Article a : articles) {
            String outlet = a.meta(Article.OUTLET).orElse(null);
            if (outlet == null) {
                continue;
            }
            String name = nameOf.computeIfAbsent(outlet, OutletSignatures::displayName);
            if (name != null) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>(counts.keySet());
        names.sort(Comparator.comparingInt((String n) -> counts.get(n)).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(names.subList(0, Math.min(most, names.size())));
    }

    /**
     * @param article an article
     * @return every name and domain its own outlet goes by, lower case, to tell another outlet's name from its own
     */
    public static Set<String> ownNames(Article article) {
        OutletNames own = OutletNames.of(article);
        Set<String> out = new LinkedHashSet<>();
        own.names().forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        own.domains().forEach(d -> out.add(d.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The name an outlet goes by, or null when it derives none. */
    static String displayName(String outlet) {
        List<String> names = OutletNames.derive(outlet, null).names();
        String best = null;
        for (String n : names) {
            boolean capitals = n.equals(n.toUpperCase(Locale.ROOT)) && !n.equals(n.toLowerCase(Locale.ROOT));
            if (!capitals && (best == null || n.length() > best.length())) {
                best = n;
            }
        }
        return best != null ? best : names.isEmpty() ? null : names.get(0);
    }
}
