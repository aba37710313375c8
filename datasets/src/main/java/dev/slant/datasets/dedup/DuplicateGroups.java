package dev.slant.datasets.dedup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The duplicates found among a corpus's articles.
 *
 * @param articles             the number of articles examined
 * @param articlesWithoutWords articles whose key text has no word, which near-duplicate detection could not
 *                             compare (exact detection still did); 0 when near duplicates were not sought
 * @param groups               the groups, ordered by their first member's input position; no id in two groups
 * @param representatives      every grouped id mapped to the first id of its group, derived from the groups
 */
public record DuplicateGroups(int articles, int articlesWithoutWords, List<DuplicateGroup> groups,
                             Map<String, String> representatives) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a count is negative or smaller than the ids grouped, an id is in two
     *                                  groups, or the representatives are not the ones the groups give
     */
    public DuplicateGroups {
        groups = List.copyOf(groups);
        Objects.requireNonNull(representatives, "representatives");
        Map<String, String> derived = representativesOf(groups);
        if (!derived.equals(representatives)) {
            throw new IllegalArgumentException("representatives do not match the groups");
        }
        representatives = Collections.unmodifiableMap(derived);
        if (articlesWithoutWords < 0 || articlesWithoutWords > articles || derived.size() > articles) {
            throw new IllegalArgumentException("counts do not fit: " + articles + " articles, "
                    + articlesWithoutWords + " without words, " + derived.size() + " grouped");
        }
    }

    /**
     * Groups with their representatives derived.
     *
     * @param articles             the number of articles examined
     * @param articlesWithoutWords articles near-duplicate detection could not compare
     * @param groups               the groups
     * @throws IllegalArgumentException as the canonical constructor
     */
    public DuplicateGroups(int articles, int articlesWithoutWords, List<DuplicateGroup> groups) {
        this(articles, articlesWithoutWords, groups, representativesOf(groups));
    }

    private static Map<String, String> representativesOf(List<DuplicateGroup> groups) {
        Map<String, String> map = new LinkedHashMap<>();
        for (DuplicateGroup group : groups) {
            for (String id : group.ids()) {
                String earlier = map.put(id, group.first());
                if (earlier != null) {
                    throw new IllegalArgumentException("id '" + id + "' is in two duplicate groups");
                }
            }
        }
        return map;
    }

    /**
     * The key that keeps copies together: the first id of the article's group, or the id itself when it is in no
     * group. Split code that assigns parts by this key puts every copy on one side.
     *
     * @param id an article id
     * @return its group key
     */
    public String groupKey(String id) {
        return representatives.getOrDefault(id, id);
    }

    /** @return the number of articles in some group */
    public int duplicatedArticles() {
        return representatives.size();
    }

    /** @return the number of articles beyond the first of each group: those that copy an earlier one */
    public int extraCopies() {
        return representatives.size() - groups.size();
    }

    /**
     * @param kind a kind
     * @return the groups of that kind, in order
     */
    public List<DuplicateGroup> ofKind(DuplicateKind kind) {
        return groups.stream().filter(g -> g.kind() == kind).toList();
    }

    /**
     * @param target a label target
     * @return the groups whose labels conflict on it, in order
     */
    public List<DuplicateGroup> conflictingOn(String target) {
        return groups.stream().filter(g -> g.conflictsOn(target)).toList();
    }
}
