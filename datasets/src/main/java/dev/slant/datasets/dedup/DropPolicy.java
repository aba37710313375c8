package dev.slant.datasets.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which duplicates to drop from a corpus: every group keeps its first member and drops the rest, except a group
 * whose labels conflict on one of {@code conflictTargets}, which is dropped entirely (no copy can be trusted).
 *
 * @param conflictTargets the label targets whose conflicts drop a whole group, in sorted order
 */
public record DropPolicy(Set<String> conflictTargets) {

    /** Keep the first copy of every group, conflicting or not. */
    public static final DropPolicy KEEP_FIRST = new DropPolicy(Set.of());

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if conflictTargets or one of them is null
     */
    public DropPolicy {
        conflictTargets = Collections.unmodifiableSet(new TreeSet<>(conflictTargets));
    }

    /**
     * Keep the first copy of every group, and drop whole the groups that conflict on these targets.
     *
     * @param targets label targets
     * @return the policy
     * @throws NullPointerException if a target is null
     */
    public static DropPolicy dropConflictingOn(String... targets) {
        return new DropPolicy(Set.of(targets));
    }

    /**
     * The ids this policy drops.
     *
     * @param duplicates the duplicates found
     * @return the ids to drop, by reason
     */
    public Drops apply(DuplicateGroups duplicates) {
        List<String> laterCopies = new ArrayList<>();
        List<String> conflicting = new ArrayList<>();
        for (DuplicateGroup group : duplicates.groups()) {
            if (group.conflictingTargets().stream().anyMatch(conflictTargets::contains)) {
                conflicting.addAll(group.ids());
            } else {
                laterCopies.addAll(group.ids().subList(1, group.size()));
            }
        }
        return new Drops(laterCopies, conflicting);
    }

    /**
     * The ids a {@link DropPolicy} drops, by reason, each in group order and then input order.
     *
     * @param laterCopies every member but the first of the groups kept
     * @param conflicting every member of the groups dropped for conflicting labels
     */
    public record Drops(List<String> laterCopies, List<String> conflicting) {
        /** Validates and copies. @throws NullPointerException if a list or an element is null */
        public Drops {
            laterCopies = List.copyOf(laterCopies);
            conflicting = List.copyOf(conflicting);
        }

        /** @return every id to drop, later copies first */
        public Set<String> all() {
            Set<String> all = new LinkedHashSet<>(laterCopies);
            all.addAll(conflicting);
            return Collections.unmodifiableSet(all);
        }

        /** @return the number of ids to drop */
        public int count() {
            return laterCopies.size() + conflicting.size();
        }
    }
}
