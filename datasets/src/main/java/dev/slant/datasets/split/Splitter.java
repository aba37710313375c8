package dev.slant.datasets.split;

import dev.slant.datasets.LabelledArticle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Makes splits. Every split moves whole units: a unit is a group of duplicates (so no two copies of one text end
 * up on both sides) and, for outlet-disjoint splits, every article of the outlets those duplicates touch (so no
 * outlet is on both sides). Every random choice takes the seed; the same articles and seed give the same split.
 */
public final class Splitter {
    private final List<LabelledArticle> articles;
    private final UnaryOperator<String> duplicateGroup;

    /**
     * @param articles       the articles to split, in a stable order
     * @param duplicateGroup maps an id to the representative of its duplicate group (the id itself when it has
     *                       no copy); {@link UnaryOperator#identity()} when duplicates are not known
     */
    public Splitter(List<LabelledArticle> articles, UnaryOperator<String> duplicateGroup) {
        this.articles = List.copyOf(articles);
        this.duplicateGroup = Objects.requireNonNull(duplicateGroup, "duplicateGroup");
    }

    /**
     * A random split stratified by one target's label.
     *
     * @param name      the split's name
     * @param target    the target whose labels keep their shares in every part
     * @param fractions valid and test shares
     * @param seed      the seed
     * @return the split
     * @throws IllegalArgumentException if an article has no label for the target
     */
    public Split stratified(String name, String target, Fractions fractions, long seed) {
        Map<String, List<Unit>> byStratum = new LinkedHashMap<>();
        for (Unit unit : units(false)) {
            LabelledArticle first = unit.members.get(0);
            String label = first.labels().get(target).orElseThrow(() -> new IllegalArgumentException(
                    "article '" + first.id() + "' has no '" + target + "' label to stratify by"));
            byStratum.computeIfAbsent(label, k -> new ArrayList<>()).add(unit);
        }
        Random random = new Random(seed);
        Map<String, Part> parts = new HashMap<>();
        for (List<Unit> stratum : byStratum.values()) {
            Collections.shuffle(stratum, random);
            int total = stratum.stream().mapToInt(u -> u.members.size()).sum();
            long testGoal = Math.round(total * fractions.test());
            long validGoal = Math.round(total * fractions.valid());
            int test = 0;
            int valid = 0;
            for (Unit unit : stratum) {
                Part part;
                if (test < testGoal) {
                    part = Part.TEST;
                    test += unit.members.size();
                } else if (valid < validGoal) {
                    part = Part.VALID;
                    valid += unit.members.size();
                } else {
                    part = Part.TRAIN;
                }
                unit.members.forEach(a -> parts.put(a.id(), part));
            }
        }
        return inInputOrder(name, parts);
    }

    /**
     * A split with no outlet (see {@link Outlets}) on two sides: whole outlets, in a seeded random order, fill the
     * test part, then the valid part, then train.
     *
     * @param name      the split's name
     * @param fractions valid and test shares (of articles; reached as closely as whole outlets allow)
     * @param seed      the seed
     * @return the split
     */
    public Split outletDisjoint(String name, Fractions fractions, long seed) {
        List<Unit> units = units(true);
        Collections.shuffle(units, new Random(seed));
        int total = articles.size();
        Map<String, Part> parts = new HashMap<>();
        fill(units, Math.round(total * fractions.test()), Part.TEST, parts);
        fill(units, Math.round(total * fractions.valid()), Part.VALID, parts);
        units.forEach(u -> u.members.forEach(a -> parts.put(a.id(), Part.TRAIN)));
        return inInputOrder(name, parts);
    }

    /**
     * Outlet-disjoint cross-validation: {@code k} folds of whole outlets, balanced by article count (largest
     * outlets first, each to the fold with the fewest articles so far). Fold {@code i} tests on its own outlets;
     * its valid part is a share of the other folds' outlets, chosen the same way, for choosing settings; the rest
     * is train. No outlet is in two parts of one fold.
     *
     * @param k             number of folds, 2 or more
     * @param validFraction share of each fold's non-test articles that go to its valid part
     * @param seed          the seed (breaks ties between outlets of equal size, and picks the valid outlets)
     * @return the folds, named "outlet-fold-1" to "outlet-fold-k"
     * @throws IllegalArgumentException if k is below 2 or above the number of outlets
     */
    public List<Split> outletFolds(int k, double validFraction, long seed) {
        List<Unit> units = units(true);
        if (k < 2 || k > units.size()) {
            throw new IllegalArgumentException("outlet folds need 2 <= k <= outlets (" + units.size() + "), got " + k);
        }
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new IllegalArgumentException("valid share must be in [0, 1), got " + validFraction);
        }
        Random random = new Random(seed);
        Collections.shuffle(units, random);
        // Sorted here too, because the valid parts below are drawn from the units in this order.
        units.sort(Comparator.comparingInt((Unit u) -> u.members.size()).reversed());
        int[] foldOf = FoldDealing.bySize(units.stream().mapToInt(u -> u.members.size()).toArray(), k);
        List<Split> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            Map<String, Part> parts = new HashMap<>();
            List<Unit> rest = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                if (foldOf[i] == f) {
                    units.get(i).members.forEach(a -> parts.put(a.id(), Part.TEST));
                } else {
                    rest.add(units.get(i));
                }
            }
            Collections.shuffle(rest, new Random(seed + 31L * (f + 1)));
            int restArticles = rest.stream().mapToInt(u -> u.members.size()).sum();
            fill(rest, Math.round(restArticles * validFraction), Part.VALID, parts);
            rest.forEach(u -> u.members.forEach(a -> parts.put(a.id(), Part.TRAIN)));
            folds.add(inInputOrder("outlet-fold-" + (f + 1), parts));
        }
        return folds;
    }

    /**
     * A split by publication date: articles dated on or after {@code before} are the test part ("later"); from the
     * earlier ones, a seeded random sample of the same number of articles is the valid part (held out from the
     * training years, "in-period"), and the rest is train. Articles without a usable date are in no part. Copies of
     * one text move together, on the side of the earliest dated copy; an undated copy is in no part.
     *
     * @param name   the split's name
     * @param dates  the usable date of each dated article, by id ({@link PublicationDates#dates})
     * @param before the first day of the later part
     * @param seed   the seed of the in-period sample
     * @return the split
     */
    public Split byTime(String name, Map<String, LocalDate> dates, LocalDate before, long seed) {
        Map<String, Part> parts = new HashMap<>();
        List<Unit> earlier = new ArrayList<>();
        int later = 0;
        for (Unit unit : dated(units(false), dates)) {
            if (earliest(unit, dates).isBefore(before)) {
                earlier.add(unit);
            } else {
                unit.members.forEach(a -> parts.put(a.id(), Part.TEST));
                later += unit.members.size();
            }
        }
        Collections.shuffle(earlier, new Random(seed));
        fill(earlier, later, Part.VALID, parts);
        earlier.forEach(u -> u.members.forEach(a -> parts.put(a.id(), Part.TRAIN)));
        return inInputOrder(name, parts);
    }

    /**
     * Unseen outlets and later years at once. Whole outlets, in a seeded random order, are held out until they hold
     * about {@code heldOutShare} of the dated articles; their articles dated on or after {@code before} are the
     * test part ("later"), and a seeded random sample of their earlier articles, of the same number, is the valid
     * part ("in-period", outlets unseen as well). Train is the earlier articles of the other outlets; their later
     * articles, and every article without a usable date, are in no part.
     *
     * @param name         the split's name
     * @param dates        the usable date of each dated article, by id
     * @param before       the first day of the later part
     * @param heldOutShare the share of the dated articles whose outlets are held out, in (0, 1)
     * @param seed         the seed (the outlets held out and the in-period sample)
     * @return the split
     * @throws IllegalArgumentException if the share is not in (0, 1)
     */
    public Split outletsByTime(String name, Map<String, LocalDate> dates, LocalDate before, double heldOutShare,
                               long seed) {
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("held-out share must be in (0, 1), got " + heldOutShare);
        }
        List<Unit> units = dated(units(true), dates);
        Random random = new Random(seed);
        Collections.shuffle(units, random);
        long total = units.stream().mapToInt(u -> u.members.size()).sum();
        Map<String, Part> heldOut = new HashMap<>();
        fill(units, Math.round(total * heldOutShare), Part.TEST, heldOut);
        Map<String, Part> parts = new HashMap<>();
        List<Unit> inPeriod = new ArrayList<>();
        int later = 0;
        for (LabelledArticle a : articles) {
            if (heldOut.containsKey(a.id())) {
                if (dates.get(a.id()).isBefore(before)) {
                    inPeriod.add(new Unit(List.of(a)));
                } else {
                    parts.put(a.id(), Part.TEST);
                    later++;
                }
            }
        }
        Collections.shuffle(inPeriod, random);
        fill(inPeriod, later, Part.VALID, parts);
        for (Unit u : units) {
            for (LabelledArticle a : u.members) {
                if (dates.get(a.id()).isBefore(before)) {
                    parts.put(a.id(), Part.TRAIN);
                }
            }
        }
        return inInputOrder(name, parts);
    }

    /**
     * The day that leaves about a share of the dated articles on or after it.
     *
     * @param dates      the dates (at least one)
     * @param laterShare the share, in (0, 1)
     * @return the date of the article at position {@code floor(n (1 - laterShare))} in date order
     * @throws IllegalArgumentException if there is no date or the share is out of range
     */
    public static LocalDate cutLeaving(java.util.Collection<LocalDate> dates, double laterShare) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("no dated article to split by time");
        }
        if (!(laterShare > 0 && laterShare < 1)) {
            throw new IllegalArgumentException("the later share must be in (0, 1), got " + laterShare);
        }
        List<LocalDate> sorted = new ArrayList<>(dates);
        Collections.sort(sorted);
        return sorted.get((int) Math.floor(sorted.size() * (1 - laterShare)));
    }

    /** The units with their undated members left out, and units left with no member dropped. */
    private static List<Unit> dated(List<Unit> units, Map<String, LocalDate> dates) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            List<LabelledArticle> kept = u.members.stream().filter(a -> dates.containsKey(a.id())).toList();
            if (!kept.isEmpty()) {
                out.add(new Unit(new ArrayList<>(kept)));
            }
        }
        return out;
    }

    private static LocalDate earliest(Unit unit, Map<String, LocalDate> dates) {
        return unit.members.stream().map(a -> dates.get(a.id())).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** Moves units from the front of the list into a part until it holds about {@code goal} articles. */
    private static void fill(List<Unit> units, long goal, Part part, Map<String, Part> parts) {
        long filled = 0;
        var it = units.iterator();
        while (it.hasNext() && filled < goal) {
            Unit unit = it.next();
            int n = unit.members.size();
            // Skip an outlet that would overshoot the goal by more than half of it, unless the part is still empty.
            if (filled > 0 && filled + n > goal + goal / 2) {
                continue;
            }
            unit.members.forEach(a -> parts.put(a.id(), part));
            filled += n;
            it.remove();
        }
    }

    private Split inInputOrder(String name, Map<String, Part> parts) {
        Map<String, Part> ordered = new LinkedHashMap<>();
        for (LabelledArticle a : articles) {
            ordered.put(a.id(), parts.get(a.id()));
        }
        return new Split(name, ordered);
    }

    /**
     * Groups articles into units that must stay together: duplicates, and with {@code byOutlet} whole outlets
     * (outlets joined by a duplicate pair become one unit). Units are in order of their first article.
     */
    private List<Unit> units(boolean byOutlet) {
        UnionFind uf = new UnionFind();
        for (LabelledArticle a : articles) {
            String self = "id:" + a.id();
            uf.union(self, "dup:" + duplicateGroup.apply(a.id()));
            if (byOutlet) {
                uf.union(self, "outlet:" + Outlets.of(a.article()));
            }
        }
        Map<String, Unit> byRoot = new LinkedHashMap<>();
        for (LabelledArticle a : articles) {
            byRoot.computeIfAbsent(uf.find("id:" + a.id()), r -> new Unit(new ArrayList<>())).members.add(a);
        }
        return new ArrayList<>(byRoot.values());
    }

    private record Unit(List<LabelledArticle> members) {
    }

    /** Union-find over string keys, with path halving. */
    private static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        String find(String x) {
            parent.putIfAbsent(x, x);
            String p = parent.get(x);
            while (!p.equals(x)) {
                String gp = parent.get(p);
                parent.put(x, gp);
                x = gp;
                p = parent.get(x);
            }
            return x;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
        }
    }
}
