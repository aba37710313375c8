package dev.slant.datasets.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.RealData;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.ReadReport;
import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The three corpora read in strict mode give the counts their READMEs state. */
class RealCorporaTest {

    private static Map<String, Integer> count(Corpus corpus, String target, ReadReport[] report) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (ArticleReader r = corpus.open(ReadOptions.STRICT)) {
            while (r.hasNext()) {
                LabelledArticle a = r.next();
                for (String label : a.labels().all(target)) {
                    counts.merge(label, 1, Integer::sum);
                }
            }
            report[0] = r.report();
        }
        return counts;
    }

    @Test
    void articleBias() throws IOException {
        Corpus corpus = Corpora.open("article-bias", RealData.root());
        ReadReport[] report = new ReadReport[1];
        assertEquals(Map.of("left", 13005, "center", 10815, "right", 13734), count(corpus, "stance", report));
        assertEquals(37554, report[0].accepted());
        assertEquals(0, report[0].rejectedTotal());
        assertEquals(108, count(corpus, "topic", report).size());
        Map<String, Split> splits = corpus.publishedSplits();
        assertEquals(Map.of(Part.TRAIN, 27978, Part.VALID, 6996, Part.TEST, 1300), splits.get("random").sizes());
        assertEquals(Map.of(Part.TRAIN, 26590, Part.VALID, 2356, Part.TEST, 1300), splits.get("media").sizes());
        assertEquals(new HashSet<>(splits.get("random").ids(Part.TEST)), new HashSet<>(splits.get("media").ids(Part.TEST)));
    }

    @Test
    void isotSample() throws IOException {
        Corpus corpus = Corpora.open("isot", RealData.root());
        ReadReport[] report = new ReadReport[1];
        assertEquals(Map.of("true", 1008, "fake", 1018), count(corpus, "veracity", report));
        assertEquals(0, report[0].rejectedTotal());
        assertEquals(Map.of("politicsNews", 1008, "News", 1018), count(corpus, "topic", report));
    }

    @Test
    void liar() throws IOException {
        Corpus corpus = Corpora.open("liar", RealData.root());
        ReadReport[] report = new ReadReport[1];
        Map<String, Integer> truth = count(corpus, "truth", report);
        assertEquals(10269 + 1284 + 1283, report[0].accepted());
        assertEquals(6, truth.size());
        Split published = corpus.publishedSplits().get("published");
        assertEquals(Map.of(Part.TRAIN, 10269, Part.VALID, 1284, Part.TEST, 1283), published.sizes());
        Set<String> subjects = count(corpus, "subjects", report).keySet();
        assertEquals(true, subjects.contains("abortion") && subjects.contains("energy"), "subjects: " + subjects.size());
    }
}
