package dev.slant.datasets.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> split(String text) {
        return splitter.split(text);
    }

    @Test
    void seedArticleGivesTheSeedViewLineForLine() {
        assertEquals(Seeds.sentenceView(), split(Seeds.original()));
    }

    @Test
    void seedSpansCoverTheSeedSentencesInOrder() {
        String text = Seeds.original();
        List<Span> spans = splitter.spans(text);
        List<String> expected = Seeds.sentenceView();
        assertEquals(expected.size(), spans.size());
        for (int i = 0; i < spans.size(); i++) {
            assertEquals(expected.get(i), spans.get(i).of(text));
        }
        assertEquals(new Span(0, 305), spans.get(0));
        assertEquals(306, spans.get(1).start());
        assertEquals(text.length() - 1, spans.get(spans.size() - 1).end()); // the trailing space is trimmed off
    }

    @Test
    void titlesNeverEndASentence() {
        assertEquals(List.of("Mr. Smith met Mrs. Jones and Dr. Who.", "Sen. Warren and Rep. Pelosi met Gov. Brown.",
                        "Gen. Mattis spoke.", "They left."),
                split("Mr. Smith met Mrs. Jones and Dr. Who. Sen. Warren and Rep. Pelosi met Gov. Brown. "
                        + "Gen. Mattis spoke. They left."));
        assertEquals(List.of("It was Trump vs. Clinton, e.g. The polls, i.e. Gallup.", "Roe v. Wade stands."),
                split("It was Trump vs. Clinton, e.g. The polls, i.e. Gallup. Roe v. Wade stands."));
        assertEquals(List.of("In the 1980s, then-Sen. Joe Biden wrote it."),
                split("In the 1980s, then-Sen. Joe Biden wrote it."));
    }

    @Test
    void namePartsEndASentenceOnlyBeforeACommonSentenceOpener() {
        assertEquals(List.of("He lives on St. Charles Ave. in St. Louis.", "The Rev. Martin Luther King Jr. spoke.",
                        "Apple Inc.", "The company grew.", "Acme Corp. sued."),
                split("He lives on St. Charles Ave. in St. Louis. The Rev. Martin Luther King Jr. spoke. "
                        + "Apple Inc. The company grew. Acme Corp. sued."));
        assertEquals(List.of("It was a riot.St. Louis police said so."),
                split("It was a riot.St. Louis police said so."));
    }

    @Test
    void monthsAndNumberWordsDoNotEndASentenceBeforeADigit() {
        assertEquals(List.of("The vote is on Aug. 18 and Sept. 3.", "It passed in Jan.", "The bill died in Dec."),
                split("The vote is on Aug. 18 and Sept. 3. It passed in Jan. The bill died in Dec."));
        assertEquals(List.of("Growth was 3.5 percent.", "It was No. 1 in the U.S. economy.", "Prices rose 2.5%."),
                split("Growth was 3.5 percent. It was No. 1 in the U.S. economy. Prices rose 2.5%."));
        assertEquals(List.of("“No.", "Absolutely not.”"), split("“No. Absolutely not.”"));
    }

    @Test
    void initialsStayInsideTheirName() {
        assertEquals(List.of("J. K. Rowling wrote it.", "George W. Bush and W. A. Mozart agreed.", "Vitamin C.",
                        "It helps."),
                split("J. K. Rowling wrote it. George W. Bush and W. A. Mozart agreed. Vitamin C. It helps."));
    }

    @Test
    void initialismsEndASentenceOnlyBeforeACommonSentenceOpener() {
        assertEquals(List.of("U.S. officials met U.S. Immigration officers in Washington, D.C.",
                        "They left the U.S. Trump stayed until 5 p.m.", "On Friday they met."),
                split("U.S. officials met U.S. Immigration officers in Washington, D.C. They left the U.S. Trump "
                        + "stayed until 5 p.m. On Friday they met."));
        assertEquals(List.of("It was the U.S. No. 2 carrier."), split("It was the U.S. No. 2 carrier."));
        assertEquals(List.of("BURLINGTON, Vt. (Reuters) - Sanders spoke.", "The end."),
                split("BURLINGTON, Vt. (Reuters) - Sanders spoke. The end."));
    }

    @Test
    void aLowerCaseWordAfterAPeriodContinuesTheSentenceAndADigitStartsOne() {
        assertEquals(List.of("The U.S. economy grew. it did."), split("The U.S. economy grew. it did."));
        assertEquals(List.of("He won in 2016.", "2017 was harder."), split("He won in 2016. 2017 was harder."));
    }

    @Test
    void ellipses() {
        assertEquals(List.of("He paused...", "Then he left.", "I think … maybe not.", "Wait…", "What?"),
                split("He paused... Then he left. I think … maybe not. Wait… What?"));
    }

    @Test
    void questionAndExclamationMarks() {
        assertEquals(List.of("Is it over?", "Yes!", "Really?!", "No. ok?"), split("Is it over? Yes! Really?! No. ok?"));
    }

    @Test
    void aSentenceEndsAfterTheClosingQuoteOrBracketThatFollowsItsTerminator() {
        assertEquals(List.of("He said, \"Stop.\"", "Then he left.", "\"Why?\" she asked.", "'Go.'", "He went."),
                split("He said, \"Stop.\" Then he left. \"Why?\" she asked. 'Go.' He went."));
        assertEquals(List.of("“We won.”", "He smiled.", "‘Really?’ she asked.", "(The “Party.”)", "Next."),
                split("“We won.” He smiled. ‘Really?’ she asked. (The “Party.”) Next."));
    }

    @Test
    void noSentenceEndsInsideUrlsOrEmailAddresses() {
        assertEquals(List.of("Visit cnn.com for more.",
                        "Write to a.b@cnn.com or see https://www.cnn.com/2017/08/03/x.html today.", "Done."),
                split("Visit cnn.com for more. Write to a.b@cnn.com or see https://www.cnn.com/2017/08/03/x.html "
                        + "today. Done."));
        assertEquals(List.of("Read it at cnn.com.", "It is free."), split("Read it at cnn.com. It is free."));
    }

    @Test
    void aBlankLineEndsASentenceAndASingleLineBreakIsWhitespace() {
        assertEquals(List.of("A title without a period", "The body starts here.", "It goes on across lines.", "End",
                        "Next paragraph"),
                split("A title without a period\n\nThe body starts here. It goes on\nacross lines. End\r\n\r\n"
                        + "Next paragraph"));
        assertEquals(List.of("Headline Body text."), split("Headline\nBody text."));
        assertEquals(List.of("One", "Two"), split("One\n \t\nTwo"));
        assertEquals(List.of("One", "Two"), split("One\u2029Two"));
        assertEquals(List.of("a  b"), split("a\r\n b")); // one line break, one space
    }

    @Test
    void spansPointIntoTheOriginalTextWhereSentencesAreFoldedOntoOneLine() {
        String text = "  Hello there.   It goes on\nacross lines.  ";
        assertEquals(List.of(new Span(2, 14), new Span(17, 41)), splitter.spans(text));
        assertEquals("It goes on\nacross lines.", splitter.spans(text).get(1).of(text));
        assertEquals(List.of("Hello there.", "It goes on across lines."), split(text));
    }

    @Test
    void emptyAndWhitespaceOnlyTextsHaveNoSentences() {
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split(" \n\t\u00a0 \n\n "));
        assertEquals(List.of(), splitter.spans("   "));
    }

    @Test
    void aTextWithoutTerminatorsIsOneSentence() {
        assertEquals(List.of("no terminator here"), split("no terminator here"));
        assertEquals(List.of("..."), split(" ... "));
    }

    @Test
    void rejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> split(null));
        assertEquals("text", e.getMessage());
    }
}
