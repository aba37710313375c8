package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import dev.slant.datasets.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection on four texts written for these tests and variants of them: an exact copy, a copy in
 * other case and spacing, a near copy with two words changed, a copy with other labels, a heavy edit and a
 * splice of two texts (the last two must not group).
 */
class DeduplicatorTest {
    private static final String STANCE = "stance";
    private static final List<LabelledArticle> FIXTURES = new ArrayList<>();

    private static String resource(String name) {
        try (InputStream in = DeduplicatorTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelledArticle article(String id, String text, String stance) {
        return new LabelledArticle(Article.of(id, "", text), Labels.single(Map.of(STANCE, stance)));
    }

    private static String changed(String text, String from, String to) {
        String result = text.replace(from, to);
        assertNotEquals(text, result, "fixture has no '" + from + "'");
        return result;
    }

    @BeforeAll
    static void fixtures() {
        String harbour = resource("harbour.txt");
        String orchard = resource("orchard.txt");
        String bridge = resource("bridge.txt");
        String library = resource("library.txt");
        List<String> bridgeParagraphs = Arrays.asList(bridge.split("\n\n"));
        List<String> libraryParagraphs = Arrays.asList(library.split("\n\n"));
        String spliced = String.join("\n\n", bridgeParagraphs.subList(0, 2)) + "\n\n"
                + String.join("\n\n", libraryParagraphs.subList(2, libraryParagraphs.size()));
        FIXTURES.add(article("h1", harbour, "left"));
        FIXTURES.add(article("o1", orchard, "right"));
        FIXTURES.add(article("h2", harbour, "left"));
        FIXTURES.add(article("o2", "\n " + orchard.toUpperCase(Locale.ROOT).replace(" ", "  \t"), "right"));
        FIXTURES.add(article("b1", bridge, "center"));
        FIXTURES.add(article("b2", changed(changed(bridge, "on Monday", "on Tuesday"), "eighteen", "nineteen"),
                "center"));
        FIXTURES.add(article("l1", library, "left"));
        FIXTURES.add(article("l2", library, "right"));
        FIXTURES.add(article("spliced", spliced, "center"));
        FIXTURES.add(article("h3", changed(harbour, " the ", " a "), "left"));
    }

    private static DuplicateGroup group(DuplicateKind kind, Set<String> conflicts, String... ids) {
        return new DuplicateGroup(List.of(ids), kind, conflicts);
    }

    @Test
    void findsExactCopiesCaseAndSpacingCopiesNearCopiesAndConflicts() {
        DuplicateGroups found = Deduplicator.withDefaults().find(FIXTURES);
        assertEquals(List.of(
                group(DuplicateKind.EXACT, Set.of(), "h1", "h2"),
                group(DuplicateKind.EXACT, Set.of(), "o1", "o2"),
                group(DuplicateKind.NEAR, Set.of(), "b1", "b2"),
                group(DuplicateKind.EXACT, Set.of(STANCE), "l1", "l2")), found.groups());
        assertEquals(10, found.articles());
        assertEquals(0, found.articlesWithoutWords());
        assertEquals(4, found.extraCopies());
        assertEquals("b1", found.groupKey("b2"));
        assertEquals("spliced", found.groupKey("spliced"));
        assertEquals("h3", found.groupKey("h3"));
    }

    @Test
    void exactOnlyLeavesNearCopiesApart() {
        DuplicateGroups found = new Deduplicator(DedupSettings.EXACT_ONLY, TextKeys.BODY_LOWERCASE_COLLAPSED)
                .find(FIXTURES);
        assertEquals(List.of(List.of("h1", "h2"), List.of("o1", "o2"), List.of("l1", "l2")),
                found.groups().stream().map(DuplicateGroup::ids).toList());
        assertEquals(0, found.articlesWithoutWords());
    }

    @Test
    void theCallerChoosesTheKeyText() {
        // On the raw body the upper-cased copy is no longer the same text, but its shingles are the same words.
        DuplicateGroups found = new Deduplicator(DedupSettings.DEFAULT, Article::text).find(FIXTURES);
        assertEquals(group(DuplicateKind.NEAR, Set.of(), "o1", "o2"), found.groups().get(1));
        DuplicateGroups exact = new Deduplicator(DedupSettings.EXACT_ONLY, Article::text).find(FIXTURES);
        assertEquals(List.of(List.of("h1", "h2"), List.of("l1", "l2")),
                exact.groups().stream().map(DuplicateGroup::ids).toList());
    }

    @Test
    void theSameInputAndSeedGiveTheSameGroups() {
        Deduplicator d = Deduplicator.withDefaults();
        assertEquals(d.find(FIXTURES), d.find(FIXTURES));
        DuplicateGroups otherSeed = new Deduplicator(DedupSettings.DEFAULT.withSeed(99),
                TextKeys.BODY_LOWERCASE_COLLAPSED).find(FIXTURES);
        assertEquals(d.find(FIXTURES), otherSeed);
    }

    @Test
    void aThresholdOfOneKeepsOnlyTextsWithTheSameShingles() {
        DuplicateGroups found = new Deduplicator(DedupSettings.DEFAULT.withThreshold(1.0), Article::text)
                .find(FIXTURES);
        assertEquals(List.of(List.of("h1", "h2"), List.of("o1", "o2"), List.of("l1", "l2")),
                found.groups().stream().map(DuplicateGroup::ids).toList());
    }

    @Test
    void nearGroupsAreConnectedComponents() {
        // b1 ~ b2 and b2 ~ b3, so all three group although b1 and b3 alone do not.
        String b3 = changed(changed(changed(FIXTURES.get(5).article().text(), "steel", "iron"), "pharmacist",
                "chemist"), "bakery", "cafe");
        List<LabelledArticle> input = List.of(FIXTURES.get(4), FIXTURES.get(5), article("b3", b3, "right"));
        DuplicateGroups found = Deduplicator.withDefaults().find(input);
        assertEquals(List.of(group(DuplicateKind.NEAR, Set.of(STANCE), "b1", "b2", "b3")), found.groups());
        assertEquals(List.of(), Deduplicator.withDefaults().find(List.of(input.get(0), input.get(2))).groups());
    }

    @Test
    void textsWithoutWordsAreCountedAndStillMatchedExactly() {
        List<LabelledArticle> input = List.of(article("e1", "", "left"), article("e2", " \n ", "right"),
                article("p", "!!! ...", "left"), article("w", "words", "left"));
        DuplicateGroups found = Deduplicator.withDefaults().find(input);
        assertEquals(List.of(group(DuplicateKind.EXACT, Set.of(STANCE), "e1", "e2")), found.groups());
        assertEquals(3, found.articlesWithoutWords());
        assertEquals(4, found.articles());
    }

    @Test
    void labelsConflictOnlyWhereMembersCarryDifferentValues() {
        Labels a = new Labels(Map.of("stance", List.of("left"), "subjects", List.of("tax", "jobs")));
        Labels b = new Labels(Map.of("stance", List.of("left"), "subjects", List.of("jobs", "tax")));
        Labels c = Labels.single(Map.of("topic", "economy"));
        assertEquals(Set.of(), Deduplicator.conflictingTargets(List.of(a, b, c, Labels.NONE)));
        Labels d = new Labels(Map.of("stance", List.of("right"), "subjects", List.of("tax")));
        assertEquals(Set.of("stance", "subjects"), Deduplicator.conflictingTargets(List.of(a, d)));
    }

    @Test
    void rejectsARepeatedIdNamingBothPositions() {
        List<LabelledArticle> input = List.of(FIXTURES.get(0), FIXTURES.get(1), FIXTURES.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Deduplicator.withDefaults().find(input));
        assertEquals("article id 'h1' occurs twice: articles #1 and #3 of the input (ids must be unique)",
                e.getMessage());
    }

    @Test
    void rejectsANullKeyNamingTheArticle() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new Deduplicator(DedupSettings.DEFAULT, a -> a.id().equals("o1") ? null : a.text())
                        .find(FIXTURES));
        assertEquals("the text key of article 'o1' (#2 of the input) is null", e.getMessage());
    }

    @Test
    void rejectsANullArticleNamingItsPosition() {
        List<LabelledArticle> input = new ArrayList<>(List.of(FIXTURES.get(0)));
        input.add(null);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Deduplicator.withDefaults().find(input));
        assertEquals("article #2 of the input is null", e.getMessage());
    }
}
