package dev.slant.datasets.scrub;

import java.util.List;
import java.util.Locale;

/**
 * Finds markers ({@link ScrubRules#markers()}) in a text with a few {@link String#indexOf(String, int)} searches:
 * each marker's first word without its first letter ("lick" for "Click here") is searched in lower and in upper case,
 * and each hit is compared with the whole marker ignoring case. A marker is found where it is not preceded by a
 * letter or digit ("speak.Featured image via"), or where it starts a capitalized word glued to what precedes it, as
 * in texts whose line breaks were lost ("2017Featured image via", "RobertsonFeatured image via"); it is removed with
 * the rest of its sentence or line ({@link SegmentScanner#segmentEnd}). Immutable and thread-safe.
 */
final class Markers {
    /** Lower-case letters from the most to the least frequent in English text. */
    private static final String LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz";
    /** Lower-case letters rarer than this rank (b, v, k, j, x, q, z: each under 1.5% of letters) are rare. */
    private static final int RARE_RANK = LETTERS_BY_FREQUENCY.indexOf('b');
    private final List<String> markers;
    private final String[] lowerCores;
    private final String[] upperCores;
    /** Where each lower-case core's rare letter stands, or -1 when it has none (it is then searched as a string). */
    private final int[] lowerKeys;
    /** Where each upper-case core's rarest letter stands (every capital is rare in prose), or -1 when it has none. */
    private final int[] upperKeys;

    /** @param markers markers, each starting with an ASCII letter */
    Markers(List<String> markers) {
        this.markers = List.copyOf(markers);
        this.lowerCores = new String[this.markers.size()];
        this.upperCores = new String[this.markers.size()];
        this.lowerKeys = new int[this.markers.size()];
        this.upperKeys = new int[this.markers.size()];
        for (int m = 0; m < this.markers.size(); m++) {
            String marker = this.markers.get(m);
            int space = marker.indexOf(' ');
            String core = space >= 3 ? marker.substring(1, space) : marker.substring(1);
            lowerCores[m] = core.toLowerCase(Locale.ROOT);
            upperCores[m] = core.toUpperCase(Locale.ROOT);
            int rarest = rarestLetter(lowerCores[m]);
            lowerKeys[m] = rarest >= 0 && LETTERS_BY_FREQUENCY.indexOf(lowerCores[m].charAt(rarest)) >= RARE_RANK
                    ? rarest : -1;
            upperKeys[m] = rarest;
        }
    }

    /** The index of the least frequent ASCII letter of a lower-case core, or -1 if it has none. */
    private static int rarestLetter(String lowerCore) {
        int best = -1;
        int bestRank = -1;
        for (int i = 0; i < lowerCore.length(); i++) {
            int rank = LETTERS_BY_FREQUENCY.indexOf(lowerCore.charAt(i));
            if (rank > bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    /** @return true if there is no marker */
    boolean isEmpty() {
        return markers.isEmpty();
    }

    /**
     * @param m a marker index
     * @return the marker
     */
    String get(int m) {
        return markers.get(m);
    }

    /**
     * Finds every marker in a text.
     *
     * @param text  the text
     * @param spans receives each marker with the rest of its segment, the marker's index as entry
     */
    void find(String text, SpanList spans) {
        for (int m = 0; m < markers.size(); m++) {
            find(text, m, lowerCores[m], lowerKeys[m], spans);
            if (!upperCores[m].equals(lowerCores[m])) {
                find(text, m, upperCores[m], upperKeys[m], spans);
            }
        }
    }

    /** Not preceded by a letter or digit, or a capitalized word glued to what precedes it ("2017Featured"). */
    private static boolean startsWord(String text, int start) {
        return start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
                || (Character.isUpperCase(text.charAt(start)) && Character.isLowerCase(text.charAt(start + 1)));
    }

    /**
     * Finds marker m where a form of its core stands after a text's first character. With a key (the index of a rare
     * letter in the core), each place of that letter is checked: a search for one character is vectorized and runs
     * several times as fast as a search for a string, and a rare letter stands in few places (a capital "K" about 3
     * times in an article of article-bias, "k" 30 times, "u" 120). Either way every place of the core is visited, in
     * text order.
     */
    private void find(String text, int m, String core, int key, SpanList spans) {
        if (core.isEmpty()) {
            return;
        }
        if (key < 0) {
            for (int at = text.indexOf(core, 1); at >= 0; at = text.indexOf(core, at + 1)) {
                found(text, m, at - 1, spans);
            }
            return;
        }
        char keyChar = core.charAt(key);
        for (int hit = text.indexOf(keyChar, key + 1); hit >= 0; hit = text.indexOf(keyChar, hit + 1)) {
            if (text.startsWith(core, hit - key)) {
                found(text, m, hit - key - 1, spans);
            }
        }
    }

    /** Where a marker's core was found, removes the marker with the rest of its segment if it is whole there. */
    private void found(String text, int m, int start, SpanList spans) {
        String marker = markers.get(m);
        if (text.regionMatches(true, start, marker, 0, marker.length()) && startsWord(text, start)) {
            int end = Math.max(SegmentScanner.segmentEnd(text, start), start + marker.length());
            spans.add(start, end, ScrubRule.MARKER, m);
        }
    }
}
