package dev.slant.datasets.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slant.datasets.RealData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What both views promise, checked on every text of the ISOT sample (2,026 articles). */
class TextViewsRealDataTest {

    private static List<String> isotTexts() throws IOException {
        Path dir = RealData.require("isot-sample");
        List<String> texts = new ArrayList<>();
        for (String file : List.of("True.csv.gz", "Fake.csv.gz")) {
            try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(dir.resolve(file))),
                    StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    texts.add(row.get("text"));
                }
            }
        }
        assertEquals(2026, texts.size());
        return texts;
    }

    /** Whether text[from, to) is all whitespace, no-break spaces included (as the splitter trims). */
    private static boolean isSpace(String text, int from, int to) {
        return text.substring(from, to).chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** A character a normalized word may hold: a letter that is not upper-case, a non-digit numeral or a mark. */
    private static boolean isNormalizedWordChar(int cp) {
        if (Character.isUpperCase(cp) || Character.isDigit(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.OTHER_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    @Test
    void normalizedViewsHoldOnlyLowerCaseDigitFreeWordsAndSpaces() throws IOException {
        for (String text : isotTexts()) {
            String normalized = TextNormalizer.normalize(text);
            for (String word : normalized.split(" ")) {
                if (!word.isEmpty() && !word.codePoints().allMatch(TextViewsRealDataTest::isNormalizedWordChar)) {
                    fail("word '" + word + "' in the normalized view of: " + text);
                }
            }
        }
    }

    @Test
    void sentenceSpansAreOrderedTrimmedAndCoverEveryNonWhitespaceCharacter() throws IOException {
        SentenceSplitter splitter = new SentenceSplitter();
        for (String text : isotTexts()) {
            int covered = 0;
            for (Span span : splitter.spans(text)) {
                assertTrue(span.start() >= covered, "overlap or disorder at " + span);
                assertTrue(isSpace(text, covered, span.start()), "text dropped before " + span + " in: " + text);
                assertTrue(!isSpace(text, span.start(), span.start() + 1) && !isSpace(text, span.end() - 1, span.end()),
                        "untrimmed " + span + " in: " + text);
                covered = span.end();
            }
            assertTrue(isSpace(text, covered, text.length()), "text dropped at the end of: " + text);
        }
    }
}
