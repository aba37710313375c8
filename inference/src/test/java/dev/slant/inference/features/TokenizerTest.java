package dev.slant.inference.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's table-driven scan over a character array gives exactly the tokens (hash, start, end) of the plain
 * character-by-character definition (the tokenizer as it was before it read arrays), on varied text.
 */
class TokenizerTest {

    /** The definition: a token is a maximal run of letters and digits, lower-cased and hashed as it is read. */
    private static List<String> reference(CharSequence text, int minLength, boolean dropNumbers) {
        List<String> out = new ArrayList<>();
        int h = FeatureHash.FNV_OFFSET;
        int start = -1;
        boolean digit = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                    h = FeatureHash.FNV_OFFSET;
                    digit = false;
                }
                h = FeatureHash.step(h, Character.toLowerCase(c));
                digit |= Character.isDigit(c);
            } else if (start >= 0) {
                if (i - start >= minLength && !(digit && dropNumbers)) {
                    out.add(FeatureHash.fmix32(h) + "@" + start + "-" + i);
                }
                start = -1;
            }
        }
        return out;
    }

    private static List<String> tokens(Tokenizer t, CharSequence text) {
        List<String> out = new ArrayList<>();
        t.tokenize(text, (hash, start, end) -> out.add(hash + "@" + start + "-" + end));
        return out;
    }

    private static List<String> texts() {
        Random r = new Random(3);
        String[] pieces = {"Tax", "CUTS", "o'Neil", "U.S.", "2019", "x1", "a", "économie", "Zürich", "ÀÉÎ", "москва",
                "東京", "😀", "\uD835\uDC00bc", "٣٤", "１２３", "ﬁne", "İstanbul", "ǅ", "ß", "\u0000", "\t", "\n\n", "—", "-",
                "health-care", "é\u0301", "\uFFFF", "\uD800", "Ω", "ΣΑΣ"};
        List<String> out = new ArrayList<>(List.of("", " ", "a", "ab", "1", "abc", "   x  ", "A1b2", "end."));
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int w = 0; w < len; w++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
                if (r.nextBoolean()) {
                    sb.append(r.nextInt(5) == 0 ? ". " : " ");
                }
            }
            out.add(sb.toString());
        }
        // A body longer than the featurizer's first buffer, so that it grows.
        StringBuilder big = new StringBuilder();
        while (big.length() < 100_000) {
            big.append("Senators voted 52 to 48 on the bill; Zürich's économie grew. ");
        }
        out.add(big.toString());
        // All 65,536 code units once each, in two orders.
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
        }
        out.add(all.toString());
        out.add(all.reverse().toString());
        return out;
    }

    @Test
    void tokensEqualTheDefinition() {
        List<String> texts = texts();
        for (int minLength : new int[] {1, 2, 3}) {
            for (boolean dropNumbers : new boolean[] {false, true}) {
                Tokenizer t = new Tokenizer(minLength, dropNumbers);
                for (String text : texts) {
                    List<String> expected = reference(text, minLength, dropNumbers);
                    assertEquals(expected, tokens(t, text), () -> "min " + minLength + " drop " + dropNumbers + ": " + text);
                    assertEquals(expected, tokens(t, new StringBuilder(text)), "a CharSequence that is not a String");
                }
            }
        }
        assertFalse(reference(texts.get(texts.size() - 3), 2, true).isEmpty());
    }

    @Test
    void reusedBufferGivesTheSameTokensAsAFreshOne() {
        // The featurizer's buffer holds the characters of longer fields after the field it tokenizes.
        Tokenizer t = new Tokenizer(2, true);
        char[] buffer = new char[texts().stream().mapToInt(String::length).max().orElse(0) + 8];
        java.util.Arrays.fill(buffer, 'q');
        for (String text : texts()) {
            text.getChars(0, text.length(), buffer, 0);
            List<String> out = new ArrayList<>();
            t.tokenize(buffer, text.length(), (hash, start, end) -> out.add(hash + "@" + start + "-" + end));
            assertEquals(reference(text, 2, true), out, text);
        }
    }
}
