package dev.slant.inference.invariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.inference.Prediction;
import dev.slant.inference.TargetPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InvarianceTestTest {
    /** A model that learned a shortcut: "right" whenever Fox News is named, else "left" (p 0.9 and 0.7). */
    private static final Function<Article, Prediction> SHORTCUT = a -> {
        boolean fox = (a.title() + " " + a.text()).contains("Fox News");
        TargetPrediction t = fox
                ? new TargetPrediction("stance", "right", 0.9, Map.of("left", 0.1, "right", 0.9), 3, 3)
                : new TargetPrediction("stance", "left", 0.7, Map.of("left", 0.7, "right", 0.3), 3, 3);
        return new Prediction(a.id(), List.of(t));
    };

    private static List<Article> articles() {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.add(new Article("a" + i, "Senate passes the bill", "The Senate passed the bill on \"Tuesday\".",
                    Map.of(Article.OUTLET, i % 2 == 0 ? "CNN (Web News)" : "Fox Online News")));
        }
        return out;
    }

    @Test
    void countsTheFlipsOfAShortcutAndNoneWhereTheTextSaysTheSame() {
        List<Perturbation> ps = Perturbations.standard(List.of("Fox News", "CNN"), List.of("Reuters", "AP"));
        InvarianceReport r = InvarianceTest.run(SHORTCUT, articles(), ps, 42);
        InvarianceReport.Row name = r.row("stance", "outlet name in the body").orElseThrow();
        // Fox's own articles never get Fox's name; CNN's get Fox's or CNN's, so Fox's only: all 100 flip.
        assertEquals(200, name.articles());
        assertEquals(100, name.flips());
        assertEquals("Fox News", name.worstVariant());
        assertEquals(100, name.worstFlips());
        assertEquals(-0.3, name.meanChange(), 1e-9, "p(left) falls from 0.7 to 0.1 on half the articles");
        assertEquals(0.3, name.meanAbsChange(), 1e-9);
        assertEquals(0.5, name.flipShare());
        assertEquals(0.5, r.maxSignatureFlipShare("stance"));
        for (String p : List.of("whitespace", "quotes", "lower case", "title in capitals", "neutral sentence", "dateline")) {
            InvarianceReport.Row row = r.row("stance", p).orElseThrow();
            assertEquals(0, row.flips(), p);
            assertEquals(200, row.articles(), p);
            assertEquals(0.0, row.meanAbsChange(), p);
        }
        assertTrue(r.row("stance", "reprint footer").orElseThrow().outletSignature());
        assertEquals(r, InvarianceReport.fromJson(r.toJson()).orElseThrow());
        assertEquals(r, InvarianceTest.run(SHORTCUT, articles(), ps, 42), "the seed decides every draw");
    }

    @Test
    void perturbationsChangeWhatTheySay() {
        Article a = new Article("a", "Senate passes the bill", "WASHINGTON — It passed.\nIt's \"done\".",
                Map.of(Article.OUTLET, "CNN (Web News)"));
        java.util.Random r = new java.util.Random(1);
        for (Perturbation p : Perturbations.standard(List.of("CNN", "Fox News"), List.of("Reuters"))) {
            Perturbation.Perturbed x = p.apply(a, r);
            assertTrue(!x.article().equals(a), p.name());
            assertEquals(a.metadata(), x.article().metadata(), p.name());
            switch (p.name()) {
                case "outlet name in the body" -> assertTrue(x.article().text().endsWith("Fox News contributed to this report."));
                case "outlet name after the title" -> assertEquals("Senate passes the bill - Fox News", x.article().title());
                case "quotes" -> assertEquals("WASHINGTON — It passed.\nIt’s “done”.", x.article().text());
                case "lower case" -> assertEquals("senate passes the bill", x.article().title());
                case "title in capitals" -> assertEquals("SENATE PASSES THE BILL", x.article().title());
                default -> assertTrue(x.article().text().length() > a.text().length(), p.name());
            }
        }
    }
}
