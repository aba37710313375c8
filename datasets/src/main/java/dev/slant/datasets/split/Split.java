package dev.slant.datasets.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A split of a corpus: each article id in it is assigned to exactly one {@link Part}. Ids the split does not
 * mention are in no part (for example the duplicates a split leaves out).
 *
 * @param name      the split's name ("media", "random", "outlet-fold-1", ...)
 * @param partById  part per article id, in a stable order
 */
public record Split(String name, Map<String, Part> partById) {

    /** Validates and copies. @throws IllegalArgumentException if the name is blank */
    public Split {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partById, "partById");
        if (name.isBlank()) {
            throw new IllegalArgumentException("split name is blank");
        }
        partById = Collections.unmodifiableMap(new LinkedHashMap<>(partById));
    }

    /**
     * @param id article id
     * @return its part, if the split assigns it one
     */
    public Optional<Part> partOf(String id) {
        return Optional.ofNullable(partById.get(id));
    }

    /**
     * @param part a part
     * @return the ids in that part, in the split's order
     */
    public List<String> ids(Part part) {
        List<String> ids = new ArrayList<>();
        partById.forEach((id, p) -> {
            if (p == part) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** @return the number of ids per part (every part present, possibly 0) */
    public Map<Part, Integer> sizes() {
        Map<Part, Integer> sizes = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            sizes.put(p, 0);
        }
        partById.values().forEach(p -> sizes.merge(p, 1, Integer::sum));
        return sizes;
    }
}
