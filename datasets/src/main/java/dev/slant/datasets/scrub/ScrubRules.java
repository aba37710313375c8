package dev.slant.datasets.scrub;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link Scrubber} needs, fitted or fixed; a plain record of JSON-friendly fields that Jackson writes
 * and reads as it is, so that a model bundle can save it and rebuild the very same scrubber.
 *
 * @param datelines   remove datelines at the start of lines ("WASHINGTON (Reuters) -", "(CNN)", "DENVER —")
 * @param agencies    the agencies recognized in parentheses in datelines, exactly as written there
 * @param ownOutlet   remove the article's own outlet names and web domains, derived from its metadata by
 *                    {@link OutletNames}
 * @param markers     markers ("Featured image", "Click here") removed with the rest of their sentence or line, where
 *                    not preceded by a letter or digit or where they start a capitalized word glued to the one before
 *                    ("2017Featured image via"); matched ignoring case, though found only where the letters of
 *                    their first word after the first are all lower or all upper case ("Click here", "CLICK HERE",
 *                    not "cLiCk here"); each starts with an ASCII letter and has at least two characters
 * @param phrases     whole sentences or lines learned as boilerplate, in {@link PhraseText normal form} (whitespace
 *                    runs as one space, each digit as '#'), most frequent first; removed wherever a sentence or line
 *                    has exactly that normal form
 * @param lineOpeners the first words of lines learned as boilerplate ("Media playback is unsupported on your device
 *                    Media caption"), in normal form; removed at the start of a line, the longest that matches
 */
public record ScrubRules(boolean datelines, List<String> agencies, boolean ownOutlet, List<String> markers,
        List<String> phrases, List<String> lineOpeners) {

    /** No scrubbing at all. */
    public static final ScrubRules NONE = new ScrubRules(false, List.of(), false, List.of(), List.of(), List.of());

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if a list or an element is null
     * @throws IllegalArgumentException if an entry is blank, repeated, or malformed (a marker not starting with an
     *                                  ASCII letter, a phrase or opener not in normal form); the message names the
     *                                  list and the entry's index
     */
    public ScrubRules {
        agencies = checkAgencies(agencies);
        markers = checkMarkers(markers);
        phrases = checkNormalized("phrases", phrases);
        lineOpeners = checkNormalized("lineOpeners", lineOpeners);
    }

    /** Validates dateline agencies (here and in {@link ScrubSettings}). */
    static List<String> checkAgencies(List<String> agencies) {
        List<String> copy = checkEntries("agencies", agencies);
        for (int i = 0; i < copy.size(); i++) {
            String a = copy.get(i);
            if (a.indexOf('(') >= 0 || a.indexOf(')') >= 0 || a.indexOf('\n') >= 0 || !a.equals(a.strip())) {
                throw new IllegalArgumentException("agencies[" + i + "] '" + a
                        + "' must have no parentheses, line breaks or surrounding spaces");
            }
        }
        return copy;
    }

    /** Validates markers (here and in {@link ScrubSettings}). */
    static List<String> checkMarkers(List<String> markers) {
        List<String> copy = checkEntries("markers", markers);
        for (int i = 0; i < copy.size(); i++) {
            char first = copy.get(i).charAt(0);
            if (first >= 128 || !Character.isLetter(first) || copy.get(i).length() < 2) {
                throw new IllegalArgumentException("markers[" + i + "] '" + copy.get(i)
                        + "' must start with an ASCII letter and have at least two characters");
            }
        }
        return copy;
    }

    private static List<String> checkNormalized(String name, List<String> list) {
        List<String> copy = checkEntries(name, list);
        for (int i = 0; i < copy.size(); i++) {
            String p = copy.get(i);
            String normal = PhraseText.normalize(p);
            if (!normal.equals(p)) {
                throw new IllegalArgumentException(name + "[" + i + "] '" + p + "' is not in normal form (expected '"
                        + normal + "')");
            }
        }
        return copy;
    }

    private static List<String> checkEntries(String name, List<String> list) {
        Objects.requireNonNull(list, name);
        List<String> copy = List.copyOf(list);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            String s = copy.get(i);
            if (s.isBlank()) {
                throw new IllegalArgumentException(name + "[" + i + "] is blank");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException(name + "[" + i + "] '" + s + "' is repeated");
            }
        }
        return copy;
    }
}
