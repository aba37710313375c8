package dev.slant.datasets.text;

import java.util.Locale;
import java.util.Set;

/**
 * What an English word followed by a period says about a sentence end, for {@link SentenceSplitter}. Words are
 * compared lower-cased and without their final period ({@code "Mr."} is {@code "mr"}, {@code "U.S."} is
 * {@code "u.s"}).
 */
final class Abbreviations {

    /** How a word ending in a period bears on a sentence end after it. */
    enum Kind {
        /** Not an abbreviation: the period ends a sentence if the next word starts like a sentence. */
        NONE,
        /** A title or a connective ("Mr.", "Sen.", "vs.", "e.g."): always followed by more of the sentence. */
        NEVER_ENDS,
        /** A word that comes before a number ("Aug. 18", "No. 1"): no sentence end before a digit. */
        BEFORE_NUMBER,
        /**
         * Part of a name or an initialism ("George W. Bush", "U.S. Immigration", "Apple Inc."): a sentence ends
         * only if the next word is one that commonly opens a sentence ("The", "He", "But", ...).
         */
        NAME_PART
    }

    private static final Set<String> NEVER_ENDS = Set.of(
            "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "profs", "sen", "sens", "rep", "reps",
            "gov", "govs", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "hon",
            "pres", "supt", "det", "atty", "fr", "vs", "v", "cf", "viz", "e.g", "i.e");

    private static final Set<String> BEFORE_NUMBER = Set.of(
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "no", "nos", "vol", "vols", "pp", "fig", "figs", "art", "ch", "sec", "para", "approx", "ca", "est");

    /**
     * Name parts, street words and the AP abbreviations of US states, which end datelines ("BURLINGTON, Vt.
     * (Reuters)"); the states that are also English words (Ill., Mass., Miss., Wash.) are left out.
     */
    private static final Set<String> NAME_PARTS = Set.of(
            "jr", "sr", "inc", "corp", "co", "ltd", "bros", "plc", "st", "mt", "ft", "ave", "blvd", "rd",
            "ph.d", "al",
            "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ind", "kan", "kans", "ky", "la",
            "md", "mich", "minn", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
            "wis", "wyo");

    /** Words that commonly open an English sentence, lower-cased. */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "he", "his", "she",
            "her", "they", "their", "we", "our", "i", "my", "you", "your", "but", "and", "or", "so", "yet", "nor",
            "in", "on", "at", "for", "from", "with", "by", "as", "to", "of", "if", "when", "while", "after",
            "before", "since", "although", "though", "because", "however", "meanwhile", "also", "still", "then",
            "now", "what", "who", "whom", "why", "how", "where", "which", "some", "many", "most", "all", "both",
            "each", "every", "one", "two", "not", "other", "another", "such", "according", "last", "earlier",
            "later", "today", "yesterday", "is", "are", "was", "were", "do", "does", "did", "has", "have", "had",
            "will", "would", "can", "could", "should", "must", "mr", "mrs", "ms");

    private Abbreviations() {
    }

    /**
     * Classifies the word before a period.
     *
     * @param word the letters and periods before the period, without it
     * @return its kind
     */
    static Kind classify(String word) {
        Kind kind = classifyWhole(word);
        int lastDot = word.lastIndexOf('.');
        if (kind == Kind.NONE && lastDot >= 0) {
            return classifyWhole(word.substring(lastDot + 1)); // "riot.St" (a missing space) is "St"
        }
        return kind;
    }

    private static Kind classifyWhole(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (NEVER_ENDS.contains(lower)) {
            return Kind.NEVER_ENDS;
        }
        if (BEFORE_NUMBER.contains(lower)) {
            return Kind.BEFORE_NUMBER;
        }
        if (NAME_PARTS.contains(lower) || isInitialism(word)) {
            return Kind.NAME_PART;
        }
        return Kind.NONE;
    }

    /**
     * Whether a word commonly opens a sentence.
     *
     * @param word a word (letters only)
     * @return whether it does, in any case
     */
    static boolean opensSentence(String word) {
        return SENTENCE_OPENERS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether a word is single letters joined by periods: "W", "U.S", "a.m", "D.C". */
    private static boolean isInitialism(String word) {
        int n = word.length();
        if (n == 0 || n % 2 == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (i % 2 == 0 ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return true;
    }
}
