package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ways an article's own outlet names itself, derived from the article's metadata alone, so that an outlet never
 * seen in training is handled too.
 *
 * <p>Names, from {@link Article#OUTLET} ("CNN (Web News)", "New York Times - News", "Fox Online News"):
 * <ol>
 *   <li>drop every parenthesized part ("CNN (Web News)" → "CNN");</li>
 *   <li>drop everything from the first " - " on ("New York Times - News" → "New York Times");</li>
 *   <li>drop the qualifier words {@link #QUALIFIER_WORDS} ("Fox Online News" → "Fox News", "Fox News Opinion" →
 *       "Fox News"), unless nothing would be left;</li>
 *   <li>if what is left looks like a web address ("TheBlaze.com"), its registrable domain joins the domains and the
 *       name becomes the part before the first dot ("TheBlaze");</li>
 *   <li>a name ending in {@link #NEWS_SUFFIX} gives a second name without it ("Fox News" → "Fox", "BBC News" →
 *       "BBC");</li>
 *   <li>each name also gives its upper-case form ("Politico" → "POLITICO").</li>
 * </ol>
 * Names are matched case-sensitively as whole words: not touching a letter or digit on either side, except where
 * a word changes case there, as in handles and compounds ("@KilloughCNN", "CNNMoney", "FoxNews"; not "MSNBC" for
 * "NBC", nor "CNNs"). A name shorter than two characters or without a letter is dropped.
 *
 * <p>Domains, from {@link Article#HOST} ("www.cnn.com", "www.politicalticker.blogs.cnn.com"): the registrable domain,
 * that is the last two labels, or the last three where the last is a two-letter country code and the one before is
 * one of {@link #SECOND_LEVEL_LABELS} ("www.dailymail.co.uk" → "dailymail.co.uk"). A scheme, path or port around the
 * host is ignored. Domains are matched ignoring case, not preceded by a letter, digit or '-' (a dot is fine, so
 * "edition.cnn.com" matches "cnn.com"), and the whole whitespace-delimited token that holds one (a URL or an e-mail
 * address, "CNN.com's") is removed.
 *
 * @param names   names, longest first, then in code-point order; may be empty
 * @param domains registrable domains, lower-case, in the order derived; may be empty
 */
public record OutletNames(List<String> names, List<String> domains) {
    /** Words that qualify an outlet's name in a corpus's metadata rather than being part of it. */
    public static final List<String> QUALIFIER_WORDS = List.of("Online", "Web", "Opinion", "Editorial");
    /** The suffix whose removal gives a shorter name ("Fox News" → "Fox"). */
    public static final String NEWS_SUFFIX = " News";
    /** Second-level labels under a country code that belong to the registrable domain ("co" in "co.uk"). */
    public static final List<String> SECOND_LEVEL_LABELS = List.of("co", "com", "org", "net", "gov", "ac", "edu");
    /** No names and no domains. */
    public static final OutletNames NONE = new OutletNames(List.of(), List.of());

    private static final int MIN_NAME_CHARS = 2;

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if a list or an element is null
     * @throws IllegalArgumentException if a name or domain is blank
     */
    public OutletNames {
        names = List.copyOf(names);
        domains = List.copyOf(domains);
        for (String s : names) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("blank outlet name in " + names);
            }
        }
        for (String s : domains) {
            if (s.isBlank() || s.indexOf('.') < 0) {
                throw new IllegalArgumentException("outlet domain '" + s + "' is not a domain");
            }
        }
    }

    /**
     * The names and domains of an article's own outlet.
     *
     * @param article the article
     * @return what its {@link Article#OUTLET} and {@link Article#HOST} metadata give
     */
    public static OutletNames of(Article article) {
        return derive(article.meta(Article.OUTLET).orElse(null), article.meta(Article.HOST).orElse(null));
    }

    /**
     * Derives names and domains as the class comment says.
     *
     * @param outlet the outlet as the corpus gives it, or null
     * @param host   the web host, or null
     * @return the names and domains
     */
    public static OutletNames derive(String outlet, String host) {
        Set<String> domains = new LinkedHashSet<>();
        if (host != null) {
            String d = registrableDomain(host);
            if (d != null) {
                domains.add(d);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        if (outlet != null) {
            String name = baseName(outlet);
            if (looksLikeDomain(name)) {
                String d = registrableDomain(name);
                if (d != null) {
                    domains.add(d);
                }
                name = name.substring(0, name.indexOf('.'));
            }
            List<String> forms = new ArrayList<>();
            forms.add(name);
            if (name.endsWith(NEWS_SUFFIX) && name.length() > NEWS_SUFFIX.length()) {
                forms.add(name.substring(0, name.length() - NEWS_SUFFIX.length()).strip());
            }
            for (String f : forms) {
                addName(names, f);
                addName(names, f.toUpperCase(Locale.ROOT));
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return sorted.isEmpty() && domains.isEmpty() ? NONE : new OutletNames(sorted, new ArrayList<>(domains));
    }

    private static void addName(Set<String> names, String name) {
        if (name.length() >= MIN_NAME_CHARS && name.chars().anyMatch(Character::isLetter)) {
            names.add(name);
        }
    }

    /** Steps 1 to 3 of the class comment. */
    static String baseName(String outlet) {
        StringBuilder sb = new StringBuilder(outlet.length());
        int depth = 0;
        for (int i = 0; i < outlet.length(); i++) {
            char c = outlet.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        String s = sb.toString();
        int dash = s.indexOf(" - ");
        if (dash >= 0) {
            s = s.substring(0, dash);
        }
        String[] words = s.strip().split("\\s+");
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!QUALIFIER_WORDS.contains(w)) {
                kept.add(w);
            }
        }
        return kept.isEmpty() ? String.join(" ", words) : String.join(" ", kept);
    }

    private static boolean looksLikeDomain(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1 || name.indexOf(' ') >= 0) {
            return false;
        }
        for (int i = dot + 1; i < name.length(); i++) {
            if (!Character.isLetter(name.charAt(i))) {
                return false;
            }
        }
        return name.length() - dot - 1 >= 2;
    }

    /**
     * The registrable domain of a host.
     *
     * @param host a host, possibly inside a URL
     * @return the domain, lower-case, or null if the host has fewer than two labels
     */
    static String registrableDomain(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        for (char stop : new char[] {'/', ':', '?', '#'}) {
            int at = h.indexOf(stop);
            if (at >= 0) {
                h = h.substring(0, at);
            }
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] labels = h.split("\\.");
        int n = labels.length;
        if (n < 2 || labels[n - 1].isEmpty() || labels[n - 2].isEmpty()) {
            return null;
        }
        int keep = n >= 3 && labels[n - 1].length() == 2 && SECOND_LEVEL_LABELS.contains(labels[n - 2]) ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
    }

    /**
     * Finds every name and domain in a text.
     *
     * @param text  the text
     * @param spans receives the spans, with the index of the name or domain as entry
     */
    void find(String text, SpanList spans) {
        for (int k = 0; k < names.size(); k++) {
            if (startsWithOtherName(k)) {
                continue;
            }
            char first = names.get(k).charAt(0);
            if (Character.isLowerCase(first)) {
                findName(text, k, spans);
            } else if (!searchedBefore(k, first)) {
                findNamesStartingWith(text, first, k, spans);
            }
        }
        for (int k = 0; k < domains.size(); k++) {
            findDomain(text, domains.get(k), k, spans);
        }
    }

    /** Whether a shorter name starts name k (then k is found where that one is: one search serves both). */
    private boolean startsWithOtherName(int k) {
        for (int j = k + 1; j < names.size(); j++) {
            if (names.get(k).startsWith(names.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name searched before name k starts with the same character (then its search found k's places). */
    private boolean searchedBefore(int k, char first) {
        for (int j = 0; j < k; j++) {
            if (names.get(j).charAt(0) == first && !startsWithOtherName(j)) {
                return true;
            }
        }
        return false;
    }

    /** Finds name k, and at each place the longest whole-word name that starts with it. */
    private void findName(String text, int k, SpanList spans) {
        String name = names.get(k);
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            foundName(text, k, at, spans);
        }
    }

    /**
     * Finds every searched name that starts with a given character, from name k on: one search for the character
     * (whose vectorized {@link String#indexOf(int, int)} runs several times as fast as a search for a string, and a
     * capital letter is rare enough that checking each place costs little) serves "Fox" and "FOX" at once. Searched
     * names are prefix-free (a name that starts with a shorter one is not searched), so at most one is at a place.
     */
    private void findNamesStartingWith(String text, char first, int k, SpanList spans) {
        for (int at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
            for (int j = k; j < names.size(); j++) {
                String name = names.get(j);
                if (name.charAt(0) == first && text.startsWith(name, at) && !startsWithOtherName(j)) {
                    foundName(text, j, at, spans);
                    break;
                }
            }
        }
    }

    /** At a place where name k is, removes the longest whole-word name that starts with it, if any. */
    private void foundName(String text, int k, int at, SpanList spans) {
        String name = names.get(k);
        if (!startsWord(text, at, name)) {
            return;
        }
        for (int j = 0; j <= k; j++) {
            String longer = names.get(j);
            if (longer.startsWith(name) && text.startsWith(longer, at) && endsWord(text, at + longer.length())) {
                spans.add(at, at + longer.length(), ScrubRule.OUTLET_NAME, j);
                return;
            }
        }
    }

    /** A name starts a word after a non-letter-or-digit, or after a lower-case letter if it starts upper-case. */
    private static boolean startsWord(String text, int at, String name) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        return !Character.isLetterOrDigit(before)
                || (Character.isLowerCase(before) && Character.isUpperCase(name.charAt(0)));
    }

    /** A name ends a word before a non-letter-or-digit, or before a capital that starts a lower-case run. */
    private static boolean endsWord(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char after = text.charAt(end);
        return !Character.isLetterOrDigit(after) || (Character.isUpperCase(after) && end + 1 < text.length()
                && Character.isLowerCase(text.charAt(end + 1)));
    }

    /**
     * Finds a domain by its first dot (found with a fast indexOf), then by the letter after it, then compares it
     * whole ignoring case.
     */
    private static void findDomain(String text, String domain, int k, SpanList spans) {
        int dotInDomain = domain.indexOf('.');
        char afterDot = domain.charAt(dotInDomain + 1);
        int from = dotInDomain;
        while (true) {
            int dot = text.indexOf('.', from);
            if (dot < 0) {
                return;
            }
            from = dot + 1;
            int at = dot - dotInDomain;
            int end = at + domain.length();
            if (at < 0 || end > text.length() || Character.toLowerCase(text.charAt(dot + 1)) != afterDot
                    || !text.regionMatches(true, at, domain, 0, domain.length())) {
                continue;
            }
            if ((at > 0 && isDomainChar(text.charAt(at - 1))) || (end < text.length() && isDomainChar(text.charAt(end)))) {
                continue;
            }
            int tokenStart = at;
            while (tokenStart > 0 && !PhraseText.isSpace(text.charAt(tokenStart - 1))) {
                tokenStart--;
            }
            int tokenEnd = end;
            while (tokenEnd < text.length() && !PhraseText.isSpace(text.charAt(tokenEnd))) {
                tokenEnd++;
            }
            spans.add(tokenStart, tokenEnd, ScrubRule.OUTLET_DOMAIN, k);
            from = Math.max(from, tokenEnd);
        }
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }

    /**
     * @param rule  {@link ScrubRule#OUTLET_NAME} or {@link ScrubRule#OUTLET_DOMAIN}
     * @param index an entry index given to {@link #find}'s spans
     * @return the name or domain
     */
    String entry(ScrubRule rule, int index) {
        return rule == ScrubRule.OUTLET_NAME ? names.get(index) : domains.get(index);
    }
}
