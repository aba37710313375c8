package dev.slant.datasets.io;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where one target's labels come from, and what a label may be. A raw value is read as follows: split at the
 * separator if there is one (multi-valued targets such as LIAR's comma-separated subjects), each part trimmed,
 * empty parts dropped, repeats dropped; each part then goes through the value map (a value without an entry is
 * kept as it is); finally, if an allowed set is given, every label must be in it.
 *
 * @param target    the target's name ("stance", "topic", ...); not blank
 * @param column    the column (or JSON field) holding the labels; not blank
 * @param allowed   the labels allowed after mapping, in a stable order; empty to allow any; none blank or padded
 *                  with spaces
 * @param separator the separator of a multi-valued target; empty for a single-valued one; never the empty string
 * @param valueMap  raw value to label ("0" to "left"); keys and values neither blank nor padded with spaces;
 *                  values within {@code allowed} when that is given
 */
public record LabelColumn(String target, String column, Set<String> allowed, Optional<String> separator,
        Map<String, String> valueMap) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a name is blank, a label is blank or padded with spaces, the separator
     *                                  is empty, or the value map maps to a label that is not allowed
     * @throws NullPointerException     if an argument is null
     */
    public LabelColumn {
        ColumnMapping.requireName(target, "target name");
        ColumnMapping.requireName(column, "label column of target '" + target + "'");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(valueMap, "valueMap");
        for (String label : allowed) {
            requireLabel(label, target, "allowed label");
        }
        if (separator.isPresent() && separator.get().isEmpty()) {
            throw new IllegalArgumentException("target '" + target + "': the label separator is empty");
        }
        for (Map.Entry<String, String> e : valueMap.entrySet()) {
            requireLabel(e.getKey(), target, "value-map key");
            requireLabel(e.getValue(), target, "value-map label");
            if (!allowed.isEmpty() && !allowed.contains(e.getValue())) {
                throw new IllegalArgumentException("target '" + target + "': the value map maps '" + e.getKey()
                        + "' to '" + e.getValue() + "', which is not an allowed label (" + String.join(", ", allowed)
                        + ")");
            }
        }
        allowed = Collections.unmodifiableSet(new LinkedHashSet<>(allowed));
        valueMap = Collections.unmodifiableMap(new LinkedHashMap<>(valueMap));
    }

    /**
     * A single-valued target that takes any label as it is.
     *
     * @param target the target's name
     * @param column the column holding its label
     * @return the label column
     * @throws IllegalArgumentException if a name is blank
     */
    public static LabelColumn of(String target, String column) {
        return new LabelColumn(target, column, Set.of(), Optional.empty(), Map.of());
    }

    /**
     * Parses a command-line spec {@code TARGET=COLUMN}, for example {@code stance=bias_text}.
     *
     * @param spec the spec
     * @return the label column, single-valued, any label allowed
     * @throws IllegalArgumentException if the spec is not of that form
     */
    public static LabelColumn parse(String spec) {
        String[] parts = ColumnMapping.splitSpec(spec, "label", "TARGET=COLUMN", "stance=bias_text");
        return of(parts[0], parts[1]);
    }

    /**
     * @param labels the labels allowed (after the value map); none to allow any
     * @return a copy with that allowed set
     * @throws IllegalArgumentException if a label is blank or padded, or the value map maps outside the set
     */
    public LabelColumn withAllowed(String... labels) {
        return withAllowed(Arrays.asList(labels));
    }

    /**
     * @param labels the labels allowed (after the value map); empty to allow any
     * @return a copy with that allowed set
     * @throws IllegalArgumentException if a label is blank or padded, or the value map maps outside the set
     */
    public LabelColumn withAllowed(Collection<String> labels) {
        return new LabelColumn(target, column, new LinkedHashSet<>(labels), separator, valueMap);
    }

    /**
     * @param newSeparator the separator between the labels of a multi-valued target, for example ","
     * @return a multi-valued copy
     * @throws IllegalArgumentException if the separator is empty
     */
    public LabelColumn withSeparator(String newSeparator) {
        return new LabelColumn(target, column, allowed, Optional.of(newSeparator), valueMap);
    }

    /**
     * @param map raw value to label, for example "0" to "left"
     * @return a copy with that value map
     * @throws IllegalArgumentException if an entry is blank or padded, or maps outside the allowed set
     */
    public LabelColumn withValueMap(Map<String, String> map) {
        return new LabelColumn(target, column, allowed, separator, map);
    }

    /** @return whether a record may hold several labels of this target */
    public boolean multiValued() {
        return separator.isPresent();
    }

    private static void requireLabel(String label, String target, String what) {
        Objects.requireNonNull(label, what);
        if (label.isBlank()) {
            throw new IllegalArgumentException("target '" + target + "': blank " + what);
        }
        if (!label.strip().equals(label)) {
            throw new IllegalArgumentException("target '" + target + "': " + what + " '" + label
                    + "' has spaces around it (labels are trimmed when read)");
        }
    }
}
