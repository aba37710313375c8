package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateGroupsTest {
    static final DuplicateGroup ABC = new DuplicateGroup(List.of("a", "b", "c"), DuplicateKind.EXACT, Set.of());
    static final DuplicateGroup DE = new DuplicateGroup(List.of("d", "e"), DuplicateKind.NEAR, Set.of("stance"));
    static final DuplicateGroup FG =
            new DuplicateGroup(List.of("f", "g"), DuplicateKind.EXACT, Set.of("topic", "stance"));
    static final DuplicateGroups GROUPS = new DuplicateGroups(10, 0, List.of(ABC, DE, FG));

    @Test
    void groupKeyIsTheFirstIdOfTheGroupOrTheIdItself() {
        assertEquals("a", GROUPS.groupKey("a"));
        assertEquals("a", GROUPS.groupKey("c"));
        assertEquals("d", GROUPS.groupKey("e"));
        assertEquals("z", GROUPS.groupKey("z"));
        assertEquals(Map.of("a", "a", "b", "a", "c", "a", "d", "d", "e", "d", "f", "f", "g", "f"),
                GROUPS.representatives());
    }

    @Test
    void counts() {
        assertEquals(7, GROUPS.duplicatedArticles());
        assertEquals(4, GROUPS.extraCopies());
        assertEquals(List.of(ABC, FG), GROUPS.ofKind(DuplicateKind.EXACT));
        assertEquals(List.of(DE, FG), GROUPS.conflictingOn("stance"));
        assertEquals(List.of(FG), GROUPS.conflictingOn("topic"));
    }

    @Test
    void aGroupKnowsItsConflicts() {
        assertEquals(List.of("stance", "topic"), List.copyOf(FG.conflictingTargets()));
        assertTrue(DE.conflicts());
        assertTrue(DE.conflictsOn("stance"));
        assertFalse(DE.conflictsOn("topic"));
        assertFalse(ABC.conflicts());
        assertEquals("a", ABC.first());
        assertEquals(3, ABC.size());
    }

    @Test
    void rejectsInconsistentGroups() {
        assertEquals("a duplicate group needs at least two ids, got [a]", assertThrows(IllegalArgumentException.class,
                () -> new DuplicateGroup(List.of("a"), DuplicateKind.EXACT, Set.of())).getMessage());
        assertEquals("a duplicate group repeats an id: [a, a]", assertThrows(IllegalArgumentException.class,
                () -> new DuplicateGroup(List.of("a", "a"), DuplicateKind.EXACT, Set.of())).getMessage());
        DuplicateGroup cd = new DuplicateGroup(List.of("c", "d"), DuplicateKind.EXACT, Set.of());
        assertEquals("id 'c' is in two duplicate groups", assertThrows(IllegalArgumentException.class,
                () -> new DuplicateGroups(10, 0, List.of(ABC, cd))).getMessage());
        assertEquals("representatives do not match the groups", assertThrows(IllegalArgumentException.class,
                () -> new DuplicateGroups(10, 0, List.of(DE), Map.of("d", "d", "e", "e"))).getMessage());
        assertEquals("counts do not fit: 2 articles, 0 without words, 3 grouped",
                assertThrows(IllegalArgumentException.class,
                        () -> new DuplicateGroups(2, 0, List.of(ABC))).getMessage());
    }
}
