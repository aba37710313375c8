package dev.slant.datasets.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicationDatesTest {
    private final PublicationDates dates = new PublicationDates(LocalDate.of(2026, 12, 7));

    private LocalDate date(String raw) {
        PublicationDates.Reading r = dates.read(raw);
        assertNull(r.problem(), raw);
        return r.date();
    }

    private PublicationDates.Problem problem(String raw) {
        PublicationDates.Reading r = dates.read(raw);
        assertFalse(r.dated(), raw + " read as " + r.date());
        return r.problem();
    }

    @Test
    void readsEveryFormatOfTheCorpora() {
        assertEquals(LocalDate.of(2019, 6, 20), date("2019-06-20"));
        assertEquals(LocalDate.of(2019, 6, 20), date("2019-06-20T14:03:00Z"));
        assertEquals(LocalDate.of(2019, 6, 20), date(" 2019-06-20 14:03"));
        assertEquals(LocalDate.of(2016, 9, 28), date("9/28/16"));
        assertEquals(LocalDate.of(2017, 12, 30), date("12/30/17"));
        assertEquals(LocalDate.of(2017, 4, 4), date("4/4/2017"));
        assertEquals(LocalDate.of(2017, 12, 31), date("December 31, 2017 "));
        assertEquals(LocalDate.of(2017, 12, 8), date("Dec 8, 2017"));
        assertEquals(LocalDate.of(2017, 9, 8), date("Sept. 8, 2017"));
        assertEquals(LocalDate.of(2018, 2, 19), date("19-Feb-18"));
        assertEquals(LocalDate.of(1999, 1, 2), date("1/2/99"), "a two-digit year after this one is in the last century");
    }

    @Test
    void namesWhyADateIsNotUsedAndGuessesNothing() {
        assertEquals(PublicationDates.Problem.MISSING, problem(""));
        assertEquals(PublicationDates.Problem.MISSING, problem("   "));
        assertEquals(PublicationDates.Problem.MISSING, problem(null));
        assertEquals(PublicationDates.Problem.UNKNOWN_FORMAT, problem("yesterday"));
        assertEquals(PublicationDates.Problem.UNKNOWN_FORMAT, problem("2019-6-20"));
        assertEquals(PublicationDates.Problem.UNKNOWN_FORMAT, problem("20/06/2019/1"));
        assertEquals(PublicationDates.Problem.UNKNOWN_FORMAT, problem("Smarch 3, 2019"));
        assertEquals(PublicationDates.Problem.NO_SUCH_DAY, problem("2019-02-30"));
        assertEquals(PublicationDates.Problem.NO_SUCH_DAY, problem("13/1/19"), "month first: there is no month 13");
        assertEquals(PublicationDates.Problem.TOO_EARLY, problem("0001-11-30"));
        assertEquals(PublicationDates.Problem.IN_THE_FUTURE, problem("2050-09-30"));
        assertEquals(PublicationDates.Problem.IN_THE_FUTURE, problem("2026-12-08"));
        assertEquals(LocalDate.of(2026, 12, 7), date("2026-12-07"));
    }

    @Test
    void censusCountsByProblemWithExamples() {
        List<LabelledArticle> articles = List.of(
                article("a", "2019-06-20"), article("b", ""), article("c", null), article("d", "0001-11-30"),
                article("e", "0001-11-30"), article("f", "2050-09-30"), article("g", "9/6/17"), article("h", "soon"));
        PublicationDates.Census c = dates.census(articles);
        assertEquals(2, c.dated());
        assertEquals(6, c.undated());
        assertEquals(2, c.problems().get(PublicationDates.Problem.MISSING));
        assertEquals(2, c.problems().get(PublicationDates.Problem.TOO_EARLY));
        assertEquals(List.of("0001-11-30"), c.examples().get(PublicationDates.Problem.TOO_EARLY));
        assertEquals(List.of("2 no date", "1 in no known format (soon)", "2 before 1900-01-01 (0001-11-30)",
                "1 after today (2050-09-30)"), c.lines());
        assertEquals(Map.of("a", LocalDate.of(2019, 6, 20), "g", LocalDate.of(2017, 9, 6)), dates.dates(articles));
    }

    private static LabelledArticle article(String id, String date) {
        Map<String, String> meta = date == null ? Map.of() : Map.of(Article.DATE, date);
        return new LabelledArticle(new Article(id, "", "text", meta), Labels.NONE);
    }
}
