package dev.slant.datasets.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FoldDealingTest {
    @Test
    void largestGroupsFirstEachToTheFoldWithFewestMembers() {
        // Dealt 9 -> fold 0, 5 -> 1, 4 -> 2, 3 -> 2 (7), 2 -> 1 (7), 1 -> 1 (8: folds hold 9, 7, 7; fold 1 comes first).
        assertArrayEquals(new int[] {2, 0, 1, 1, 2, 1}, FoldDealing.bySize(new int[] {4, 9, 1, 5, 3, 2}, 3));
    }

    @Test
    void groupsOfEqualSizeAreDealtInTheOrderGiven() {
        assertArrayEquals(new int[] {0, 1, 0}, FoldDealing.bySize(new int[] {2, 2, 1}, 2));
        // The first 2 goes to fold 0, the second to fold 1, then the 1 to fold 0 (a tie, the lower fold).
        assertArrayEquals(new int[] {0, 0, 1}, FoldDealing.bySize(new int[] {1, 2, 2}, 2));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FoldDealing.bySize(new int[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> FoldDealing.bySize(new int[] {1, -1}, 2));
    }
}
