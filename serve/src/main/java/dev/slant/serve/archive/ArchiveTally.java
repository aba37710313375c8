package dev.slant.serve.archive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts behind an archive's charts, gathered row by row in bounded memory: for each target, how many
 * articles got each label (or abstained) overall, by outlet, by month and by each other target's label. At most
 * {@link #MAX_GROUPS} distinct outlets (or months, or labels) are kept per dimension; rows of any further one
 * count under {@link #OTHER}, so that a file of any size, with any number of outlets, takes the same memory.
 */
public final class ArchiveTally {
    /** The most distinct groups kept per dimension. */
    public static final int MAX_GROUPS = 2000;
    /** The dimension of one bar of every article. */
    public static final String ALL = "all";
    /** The dimension of outlets. */
    public static final String OUTLET = "outlet";
    /** The dimension of months (of the date column). */
    public static final String MONTH = "month";
    /** The group of rows beyond {@link #MAX_GROUPS}, and the category of labels beyond a chart's colours. */
    public static final String OTHER = "(other)";
    /** The category of abstentions. */
    public static final String ABSTAINED = "(abstained)";
    /** The group of rows with no outlet or no readable date. */
    public static final String UNKNOWN = "(unknown)";

    private static final Pattern ISO = Pattern.compile("^\\s*(\\d{4})-(\\d{1,2})(?:[-T /].*)?\\s*$");
    private static final Pattern US = Pattern.compile("^\\s*(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})\\s*$");

    private final List<String> targets;
    private final Map<String, List<String>> knownLabels;
    private final boolean outlets;
    private final boolean dates;
    /** dimension -> group -> target -> label (or ABSTAINED) -> count. */
    private final Map<String, Map<String, List<Map<String, long[]>>>> counts = new LinkedHashMap<>();
    private long articles;
    private long dated;

    /**
     * @param targets     the targets, as the scored file orders them
     * @param knownLabels each target's labels in the model's order, where known (others are ordered by count)
     * @param outlets     whether the rows carry an outlet
     * @param dates       whether the rows carry a date
     */
    public ArchiveTally(List<String> targets, Map<String, List<String>> knownLabels, boolean outlets, boolean dates) {
        this.targets = List.copyOf(targets);
        this.knownLabels = Map.copyOf(knownLabels);
        this.outlets = outlets;
        this.dates = dates;
        counts.put(ALL, new LinkedHashMap<>());
        if (outlets) {
            counts.put(OUTLET, new LinkedHashMap<>());
        }
        if (dates) {
            counts.put(MONTH, new LinkedHashMap<>());
        }
        for (String t : this.targets) {
            counts.put(t, new LinkedHashMap<>());
        }
    }

    /**
     * Counts one row.
     *
     * @param row a row of a file with this tally's targets
     */
    public void add(ScoredRow row) {
        articles++;
        count(ALL, ALL, row);
        if (outlets) {
            count(OUTLET, row.outlet().isBlank() ? UNKNOWN : row.outlet().strip(), row);
        }
        if (dates) {
            String month = month(row.date());
            if (month != null) {
                dated++;
            }
            count(MONTH, month == null ? UNKNOWN : month, row);
        }
        for (int t = 0; t < targets.size(); t++) {
            String label = row.label(t);
            count(targets.get(t), label == null ? ABSTAINED : label, row);
        }
    }

    private void count(String dimension, String group, ScoredRow row) {
        Map<String, List<Map<String, long[]>>> groups = counts.get(dimension);
        List<Map<String, long[]>> byTarget = groups.get(group);
        if (byTarget == null) {
            if (groups.size() >= MAX_GROUPS) {
                byTarget = groups.computeIfAbsent(OTHER, k -> newGroup());
            } else {
                byTarget = newGroup();
                groups.put(group, byTarget);
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            String label = row.label(t);
            byTarget.get(t).computeIfAbsent(label == null ? ABSTAINED : label, k -> new long[1])[0]++;
        }
    }

    private List<Map<String, long[]>> newGroup() {
        List<Map<String, long[]>> g = new ArrayList<>(targets.size());
        for (int t = 0; t < targets.size(); t++) {
            g.add(new HashMap<>());
        }
        return g;
    }

    /**
     * The month of a date as archives write it: ISO ({@code 2019-03-12}, {@code 2019-03}) or American
     * ({@code 3/12/19}, {@code 3/12/2019}), in years 1900 to 2099.
     *
     * @param date a date as a file gives it
     * @return {@code YYYY-MM}, or null if it is none of those
     */
    public static String month(String date) {
        if (date == null) {
            return null;
        }
        int year;
        int month;
        Matcher m = ISO.matcher(date);
        if (m.matches()) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
        } else {
            m = US.matcher(date);
            if (!m.matches()) {
                return null;
            }
            month = Integer.parseInt(m.group(1));
            year = Integer.parseInt(m.group(3));
            if (m.group(3).length() == 2) {
                year += year < 70 ? 2000 : 1900;
            }
        }
        if (year < 1900 || year > 2099 || month < 1 || month > 12) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%04d-%02d", year, month);
    }

    /** @return rows counted */
    public long articles() {
        return articles;
    }

    /** @return rows whose date gave a month */
    public long dated() {
        return dated;
    }

    /** @return the targets */
    public List<String> targets() {
        return targets;
    }

    /**
     * @return the dimensions a target's shares can be shown by: {@link #ALL}, {@link #OUTLET} if the rows carry
     *         outlets, {@link #MONTH} if some carry a readable date, then each target
     */
    public List<String> dimensions() {
        List<String> out = new ArrayList<>();
        out.add(ALL);
        if (outlets) {
            out.add(OUTLET);
        }
        if (dates && dated > 0) {
            out.add(MONTH);
        }
        out.addAll(targets);
        return out;
    }

    /**
     * One category of a chart: a label, {@link #OTHER} or {@link #ABSTAINED}.
     *
     * @param key   the label, or {@link #OTHER} or {@link #ABSTAINED}
     * @param total articles in it over the whole archive
     */
    public record Category(String key, long total) {
    }

    /**
     * One bar: a group's articles split by category.
     *
     * @param name   the group (an outlet, a month, a label, or {@link #ALL})
     * @param total  its articles
     * @param counts its articles in each category, in the chart's category order
     */
    public record Group(String name, long total, long[] counts) {
        /**
         * @param category a position in the chart's categories
         * @return the group's share in it, 0 for an empty group
         */
        public double share(int category) {
            return total == 0 ? 0 : (double) counts[category] / total;
        }
    }

    /**
     * What one chart shows: a target's shares in some groups of a dimension.
     *
     * @param target     the target
     * @param dimension  the dimension
     * @param categories the categories, in order: labels, then {@link #OTHER}, then {@link #ABSTAINED}
     * @param groups     the bars, in order
     * @param groupCount how many groups the dimension has in all (more than shown when some were left out)
     */
    public record Shares(String target, String dimension, List<Category> categories, List<Group> groups, int groupCount) {
    }

    /**
     * The shares of a target by a dimension.
     *
     * @param target        one of the targets
     * @param dimension     one of {@link #dimensions()}, not the target itself
     * @param maxGroups     the most bars: the largest groups, or for months the latest
     * @param maxCategories the most labels with a category of their own; the rest are {@link #OTHER}
     * @return the chart's numbers
     * @throws IllegalArgumentException for an unknown target or dimension, or the target by itself
     */
    public Shares shares(String target, String dimension, int maxGroups, int maxCategories) {
        int t = targets.indexOf(target);
        if (t < 0) {
            throw new IllegalArgumentException("no target '" + target + "'; the archive has " + targets);
        }
        if (!dimensions().contains(dimension) || dimension.equals(target)) {
            throw new IllegalArgumentException("cannot show " + target + " by '" + dimension + "'; by " + dimensions());
        }
        Map<String, Long> totals = new HashMap<>();
        for (List<Map<String, long[]>> g : counts.get(ALL).values()) {
            g.get(t).forEach((label, n) -> totals.merge(label, n[0], Long::sum));
        }
        List<String> labels = orderedLabels(target, totals);
        List<String> kept = labels.size() <= maxCategories ? labels : labels.subList(0, Math.max(1, maxCategories - 1));
        List<Category> categories = new ArrayList<>();
        for (String l : kept) {
            categories.add(new Category(l, totals.get(l)));
        }
        long other = 0;
        for (String l : labels) {
            if (!kept.contains(l)) {
                other += totals.get(l);
            }
        }
        if (other > 0) {
            categories.add(new Category(OTHER, other));
        }
        if (totals.containsKey(ABSTAINED)) {
            categories.add(new Category(ABSTAINED, totals.get(ABSTAINED)));
        }
        Map<String, Integer> position = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            position.put(categories.get(c).key(), c);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, long[]>>> e : counts.get(dimension).entrySet()) {
            long[] row = new long[categories.size()];
            long total = 0;
            for (Map.Entry<String, long[]> c : e.getValue().get(t).entrySet()) {
                Integer at = position.get(c.getKey());
                row[at != null ? at : position.get(OTHER)] += c.getValue()[0];
                total += c.getValue()[0];
            }
            groups.add(new Group(dimension.equals(ALL) ? "all articles" : e.getKey(), total, row));
        }
        int groupCount = groups.size();
        if (dimension.equals(MONTH)) {
            groups.sort(Comparator.comparing((Group g) -> g.name().equals(UNKNOWN) ? "\uffff" : g.name()));
            List<Group> dated = new ArrayList<>(groups);
            Group unknown = dated.isEmpty() || !dated.get(dated.size() - 1).name().equals(UNKNOWN) ? null : dated.remove(dated.size() - 1);
            if (dated.size() > maxGroups) {
                dated = dated.subList(dated.size() - maxGroups, dated.size());
            }
            groups = new ArrayList<>(dated);
            if (unknown != null) {
                groups.add(unknown);
            }
        } else {
            groups.sort(Comparator.comparingLong(Group::total).reversed().thenComparing(Group::name));
            if (groups.size() > maxGroups) {
                groups = new ArrayList<>(groups.subList(0, maxGroups));
            }
        }
        return new Shares(target, dimension, List.copyOf(categories), Collections.unmodifiableList(groups), groupCount);
    }

    /** A target's labels that occur: the model's order where known, then the rest by count (largest first). */
    private List<String> orderedLabels(String target, Map<String, Long> totals) {
        List<String> out = new ArrayList<>();
        List<String> known = knownLabels.getOrDefault(target, List.of());
        boolean manyLabels = known.size() > 12;
        if (!manyLabels) {
            for (String l : known) {
                if (totals.containsKey(l)) {
                    out.add(l);
                }
            }
        }
        List<String> rest = new ArrayList<>();
        for (String l : totals.keySet()) {
            if (!l.equals(ABSTAINED) && !out.contains(l)) {
                rest.add(l);
            }
        }
        if (known.isEmpty() && rest.stream().allMatch(STANCE::contains)) {
            // A file read without its model: stance's labels still read left to right.
            rest.sort(Comparator.comparingInt(STANCE::indexOf));
        } else {
            rest.sort(Comparator.comparingLong((String l) -> totals.get(l)).reversed().thenComparing(Comparator.naturalOrder()));
        }
        out.addAll(rest);
        return out;
    }

    private static final List<String> STANCE = List.of("left", "center", "right");

    @Override
    public String toString() {
        return "ArchiveTally[" + articles + " articles, " + Objects.toString(targets) + "]";
    }
}
