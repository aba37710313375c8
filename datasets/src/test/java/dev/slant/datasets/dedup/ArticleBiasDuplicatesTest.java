package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.RealData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The duplicates of the real article-bias corpus. Its README says "7 duplicated bodies (2 with conflicting
 * labels)": that is 7 groups of exactly two articles each (so also 7 extra copies), 2 of them with different
 * stance labels, and it holds for exact matching on the raw body as much as on the lower-cased, whitespace-
 * collapsed body (the corpus has no empty body). Near-duplicate detection at estimated Jaccard 0.9 finds 9 more
 * pairs, 5 of them with different stance labels.
 */
class ArticleBiasDuplicatesTest {
    private static List<LabelledArticle> articles;

    @BeforeAll
    static void read() {
        articles = TestCorpora.articleBias(RealData.require("article-bias"));
    }

    private static List<List<String>> ids(List<DuplicateGroup> groups) {
        return groups.stream().map(DuplicateGroup::ids).toList();
    }

    private static final List<List<String>> EXACT = List.of(
            List.of("4EbiJZu23A8wKAKq", "LRIIKxODwSYWIUhb"),
            List.of("4cfcVBvmFtymd8WX", "4f9T7EOWoKACQEX2"),
            List.of("5eradTMbMXthtqKJ", "cRrkGF2Y4kwfyzkG"),
            List.of("8HBB9bzr4gUBSPWU", "m95Cvur0e8WOgYZ0"),
            List.of("BrOhhC9Ql8U6s0SC", "e87tQmBZ4AK1F8Sz"),
            List.of("POd21VKtUvHmjVVm", "QPcxmz7aZupgyo34"),
            List.of("Pzf2lTZWz4igWYpt", "i68BRn51niarwoRK"));

    @Test
    void sevenDuplicatedBodiesTwoWithConflictingStance() {
        assertEquals(37_554, articles.size());
        assertEquals(0, articles.stream().filter(a -> a.article().text().isBlank()).count());
        DuplicateGroups normalized =
                new Deduplicator(DedupSettings.EXACT_ONLY, TextKeys.BODY_LOWERCASE_COLLAPSED).find(articles);
        DuplicateGroups raw = new Deduplicator(DedupSettings.EXACT_ONLY, Article::text).find(articles);
        for (DuplicateGroups found : List.of(normalized, raw)) {
            assertEquals(EXACT, ids(found.groups()));
            assertEquals(7, found.extraCopies());
            assertEquals(List.of(EXACT.get(1), EXACT.get(4)), ids(found.conflictingOn(TestCorpora.STANCE)));
        }
        assertEquals(List.of(EXACT.get(0), EXACT.get(5)), ids(normalized.conflictingOn(TestCorpora.TOPIC)));
    }

    @Test
    void nearDuplicatesAtTheDefaultThreshold() {
        DuplicateGroups found = Deduplicator.withDefaults().find(articles);
        assertEquals(EXACT, ids(found.ofKind(DuplicateKind.EXACT)));
        assertEquals(List.of(
                List.of("2b5eLhs0DkWEDEBA", "KfUSntWQz060LYYh"),
                List.of("2z3VCwRWRl1cRdua", "3eACOXS7VwNWNIoS"),
                List.of("5T1XcI6oUzSsPwLA", "pxu01RPJb0tZI2c4"),
                List.of("Byx7WOKIQfp4XreZ", "JP8wBFz0hdaHpH5Z"),
                List.of("CU2VZTNODop4hz2C", "FAQKEva1hjoBWnKo"),
                List.of("IaKqYjvp2d3MdeNj", "xNkm4R0LbOImwDy3"),
                List.of("U2pyDCyejICPMe8Y", "XFRdp4Nc03d4Tnpj"),
                List.of("alNaerSF4wSmafd1", "hLJTwX29AEClgy3a"),
                List.of("bNFvN0lGy1AbyeM3", "hSvdkWfp380aDTo6")), ids(found.ofKind(DuplicateKind.NEAR)));
        assertEquals(16, found.extraCopies());
        assertEquals(7, found.conflictingOn(TestCorpora.STANCE).size());
        assertEquals(0, found.articlesWithoutWords());
        assertEquals("2b5eLhs0DkWEDEBA", found.groupKey("KfUSntWQz060LYYh"));
    }
}
