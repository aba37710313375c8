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
    private final List<String> markers;
    private final String[] lowerCores;
    private final String[] upperCores;

    /** @param markers markers, each starting with an ASCII letter */
    Markers(List<String> markers) {
        this.markers = List.copyOf(markers);
        this.lowerCores = new String[this.markers.size()];
        this.upperCores = new String[this.markers.size()];
        for (int m = 0; m < this.markers.size(); m++) {
            String marker = this.markers.get(m);
            int space = marker.indexOf(' ');
            String core = space >= 3 ? marker.substring(1, space) : marker.substring(1);
            lowerCores[m] = core.toLowerCase(Locale.ROOT);
            upperCores[m] = core.toUpperCase(Locale.ROOT);
        }
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
            find(text, m, lowerCores[m], spans);
            if (!upperCores[m].equals(lowerCores[m])) {
                find(text, m, upperCores[m], spans);
            }
        }
    }

    /** Not preceded by a letter or digit, or a capitalized word glued to what precedes it ("2017Featured"). */
    private static boolean startsWord(String text, int start) {
        return start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
                || (Character.isUpperCase(text.charAt(start)) && Character.isLowerCase(text.charAt(start + 1)));
    }

    private void find(String text, int m, String core, SpanList spans) {
        String marker = markers.get(m);
        if (core.isEmpty()) {
            return;
        }
        for (int at = text.indexOf(core, 1); at >= 0; at = text.indexOf(core, at + 1)) {
            int start = at - 1;
            if (text.regionMatches(true, start, marker, 0, marker.length()) && startsWord(text, start)) {
                int end = Math.max(SegmentScanner.segmentEnd(text, start), start + marker.length());
                spans.add(start, end, ScrubRule.MARKER, m);
            }
        }
    }
}
