package dev.slant.datasets.dedup;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Articles that are copies of one another.
 *
 * @param ids                the members' ids in input order, at least two, none repeated
 * @param kind               whether all members share one key text ({@link DuplicateKind#EXACT}) or not
 * @param conflictingTargets the label targets on which members disagree, in sorted order: a target conflicts
 *                           when the members that carry it do not all carry the same set of labels for it
 */
public record DuplicateGroup(List<String> ids, DuplicateKind kind, Set<String> conflictingTargets) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there are fewer than two ids or an id repeats
     * @throws NullPointerException     if an argument or an element is null
     */
    public DuplicateGroup {
        ids = List.copyOf(ids);
        Objects.requireNonNull(kind, "kind");
        conflictingTargets = Collections.unmodifiableSet(new TreeSet<>(conflictingTargets));
        if (ids.size() < 2) {
            throw new IllegalArgumentException("a duplicate group needs at least two ids, got " + ids);
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("a duplicate group repeats an id: " + ids);
        }
    }

    /** @return the first member's id, the group's representative */
    public String first() {
        return ids.get(0);
    }

    /** @return the number of members */
    public int size() {
        return ids.size();
    }

    /** @return whether the members' labels conflict on any target */
    public boolean conflicts() {
        return !conflictingTargets.isEmpty();
    }

    /**
     * @param target a label target
     * @return whether the members' labels conflict on it
     */
    public boolean conflictsOn(String target) {
        return conflictingTargets.contains(target);
    }
}
