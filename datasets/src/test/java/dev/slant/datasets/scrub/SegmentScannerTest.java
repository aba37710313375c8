package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentScannerTest {

    /** Records segments and openers as text. */
    private static final class Recorder implements SegmentScanner.Listener {
        final String text;
        final List<String> found = new ArrayList<>();

        Recorder(String text) {
            this.text = text;
        }

        @Override
        public void dateline(int start, int end, int agency) {
            found.add("D:" + text.substring(start, end));
        }

        @Override
        public boolean wantsOpeners(String t, int start, int end) {
            return true;
        }

        @Override
        public void opener(int start, int end, int words) {
            found.add("O" + words + ":" + text.substring(start, end));
        }

        @Override
        public void segment(int start, int end) {
            found.add("S:" + text.substring(start, end));
        }
    }

    private static List<String> scan(String text, int minOpener, int maxOpener) {
        Recorder r = new Recorder(text);
        new SegmentScanner(new Datelines(ScrubSettings.DEFAULT_AGENCIES), minOpener, maxOpener, true).scan(text, r);
        return r.found;
    }

    @Test
    void cutsLinesAndSentencesButNotAbbreviations() {
        assertEquals(List.of("S:Mr. Smith went to the U.S. Senate.", "S:He said “no.”", "S:Why?",
                "S:Copyright © 2019 The Washington Times, LLC. Click here.", "S:Next line...", "S:Really!"),
                scan("  Mr. Smith went to the U.S. Senate. He said “no.” Why?  Copyright © 2019 The Washington"
                        + " Times, LLC. Click here.\r\n\n Next line... Really! \n", 5, 0));
        assertEquals(List.of("S:version 2.0 is out", "S:See cnn.com/x.y for more."),
                scan("version 2.0 is out\nSee cnn.com/x.y for more.", 5, 0));
    }

    @Test
    void reportsTheDatelineAndStartsTheLineAfterIt() {
        assertEquals(List.of("D:WASHINGTON (Reuters) - ", "S:The vote failed.", "S:Again."),
                scan("WASHINGTON (Reuters) - The vote failed. Again.", 5, 0));
    }

    @Test
    void reportsOpenersThatTheLineGoesOnAfter() {
        assertEquals(List.of("O2:one two", "O3:one two  three", "S:one two  three four"),
                scan("one two  three four", 2, 3));
        assertEquals(List.of("S:one two"), scan("one two", 2, 3));
    }

    @Test
    void findsTheEndOfTheSegmentHoldingAPosition() {
        String text = "For more, click here. Then more.\nNext";
        assertEquals(21, SegmentScanner.segmentEnd(text, 10));
        assertEquals(32, SegmentScanner.segmentEnd(text, 22));
        assertEquals(37, SegmentScanner.segmentEnd(text, 33));
    }
}
