package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DropPolicyTest {

    @Test
    void keepFirstDropsEveryLaterCopyAndNoWholeGroup() {
        DropPolicy.Drops drops = DropPolicy.KEEP_FIRST.apply(DuplicateGroupsTest.GROUPS);
        assertEquals(List.of("b", "c", "e", "g"), drops.laterCopies());
        assertEquals(List.of(), drops.conflicting());
        assertEquals(4, drops.count());
    }

    @Test
    void dropsWholeGroupsThatConflictOnTheChosenTargets() {
        DropPolicy.Drops drops = DropPolicy.dropConflictingOn("stance").apply(DuplicateGroupsTest.GROUPS);
        assertEquals(List.of("b", "c"), drops.laterCopies());
        assertEquals(List.of("d", "e", "f", "g"), drops.conflicting());
        assertEquals(List.of("b", "c", "d", "e", "f", "g"), List.copyOf(drops.all()));
        assertEquals(6, drops.count());
    }

    @Test
    void conflictsOnOtherTargetsOnlyDropLaterCopies() {
        DropPolicy.Drops drops = DropPolicy.dropConflictingOn("topic").apply(DuplicateGroupsTest.GROUPS);
        assertEquals(List.of("b", "c", "e"), drops.laterCopies());
        assertEquals(List.of("f", "g"), drops.conflicting());
        assertEquals(Set.of("topic"), DropPolicy.dropConflictingOn("topic").conflictTargets());
    }
}
