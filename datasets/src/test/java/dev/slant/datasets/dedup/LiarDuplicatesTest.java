package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.RealData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The duplicates of the real LIAR corpus, its three files read in order train, valid, test. Its README says
 * "26 duplicated statements, 4 of its test statements are also in train": 26 is the number of statements that
 * repeat an earlier one across all three files (24 groups, two of them of three), and 4 test statements share a
 * group with a train statement; both hold for the raw statement and for the lower-cased, whitespace-collapsed
 * one. Near-duplicate detection adds statements that differ only in punctuation or by a leading "Says".
 */
class LiarDuplicatesTest {
    private static final List<LabelledArticle> STATEMENTS = new ArrayList<>();
    private static final Set<String> TRAIN = new HashSet<>();
    private static final Set<String> TEST = new HashSet<>();

    @BeforeAll
    static void read() {
        Path folder = RealData.require("liar");
        for (String part : List.of("train", "valid", "test")) {
            List<LabelledArticle> statements = TestCorpora.liar(folder, part);
            Set<String> ids = part.equals("train") ? TRAIN : part.equals("test") ? TEST : new HashSet<>();
            statements.forEach(s -> ids.add(s.id()));
            STATEMENTS.addAll(statements);
        }
    }

    /** Test statements in a group with a train statement. */
    private static long testAlsoInTrain(DuplicateGroups found) {
        return found.groups().stream()
                .filter(g -> g.ids().stream().anyMatch(TRAIN::contains))
                .flatMap(g -> g.ids().stream())
                .filter(TEST::contains)
                .count();
    }

    @Test
    void twentySixDuplicatedStatementsFourTestStatementsAlsoInTrain() {
        assertEquals(10_269 + 1_284 + 1_283, STATEMENTS.size());
        DuplicateGroups normalized =
                new Deduplicator(DedupSettings.EXACT_ONLY, TextKeys.BODY_LOWERCASE_COLLAPSED).find(STATEMENTS);
        DuplicateGroups raw = new Deduplicator(DedupSettings.EXACT_ONLY, Article::text).find(STATEMENTS);
        assertEquals(normalized, raw);
        assertEquals(24, normalized.groups().size());
        assertEquals(26, normalized.extraCopies());
        assertEquals(List.of(3, 3), normalized.groups().stream().map(DuplicateGroup::size).filter(n -> n > 2)
                .toList());
        assertEquals(4, testAlsoInTrain(normalized));
        assertEquals(6, normalized.conflictingOn(TestCorpora.VERACITY).size());
    }

    @Test
    void nearDuplicatesAtTheDefaultThreshold() {
        DuplicateGroups found = Deduplicator.withDefaults().find(STATEMENTS);
        assertEquals(21, found.ofKind(DuplicateKind.EXACT).size());
        assertEquals(8, found.ofKind(DuplicateKind.NEAR).size());
        assertEquals(34, found.extraCopies());
        assertEquals(6, testAlsoInTrain(found));
        assertEquals(7, found.conflictingOn(TestCorpora.VERACITY).size());
        assertEquals(List.of("5359.json", "5124.json"), found.groups().stream()
                .filter(g -> g.ids().contains("5124.json")).findFirst().orElseThrow().ids());
        assertEquals(List.of("11798.json", "5212.json", "3062.json"), found.groups().stream()
                .filter(g -> g.ids().contains("3062.json")).findFirst().orElseThrow().ids());
    }
}
