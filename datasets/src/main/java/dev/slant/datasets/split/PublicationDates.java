package dev.slant.datasets.split;

import dev.slant.datasets.Article;
import dev.slant.datasets.LabelledArticle;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an article's publication date ({@link Article#DATE}) in every format the corpora hold, and says why when it
 * cannot. Nothing is guessed: a date that is missing, in no known format, not a day of the calendar, or out of range
 * is reported with its {@link Problem} and left out of every split by date.
 *
 * <p>Formats (each whole value, surrounding spaces ignored):
 * <ul>
 *   <li>ISO {@code 2019-06-20}, optionally followed by a time ({@code 2019-06-20T14:03:00Z}, {@code 2019-06-20 14:03});
 *       33,110 article-bias dates;</li>
 *   <li>US {@code M/D/YY} or {@code M/D/YYYY}, month first: 37 article-bias dates ({@code 9/28/16}, {@code 12/30/17}),
 *       where 24 of them have a day above 12 and each of the 35 whose URL holds a date agrees with it;</li>
 *   <li>{@code December 31, 2017} and {@code Dec 31, 2017} (ISOT; ISOT's true file ends each with a space);</li>
 *   <li>{@code 19-Feb-18} (day, English month abbreviation, two-digit year; the full ISOT files).</li>
 * </ul>
 * A two-digit year is in this century unless that would be after today, then in the last one. A date before
 * {@link #EARLIEST} or after today is out of range: article-bias holds {@code 0001-11-30} twice and {@code 2050-09-30}
 * once (a URL about migrants "by 2050").
 */
public final class PublicationDates {
    /** The earliest date taken as a real publication date. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Why an article has no usable date. */
    public enum Problem {
        /** No date, or a blank one. */
        MISSING("no date"),
        /** A value in none of the known formats. */
        UNKNOWN_FORMAT("in no known format"),
        /** A known format but no such day ({@code 2019-02-30}, month 13). */
        NO_SUCH_DAY("no such day"),
        /** Before {@link #EARLIEST} ({@code 0001-11-30}). */
        TOO_EARLY("before " + EARLIEST),
        /** After today ({@code 2050-09-30}). */
        IN_THE_FUTURE("after today");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** @return a short description for reports */
        public String description() {
            return description;
        }
    }

    /**
     * A date as read: the date, or the problem that kept it from being one.
     *
     * @param date    the date, or null
     * @param problem the problem, or null when there is a date
     * @param raw     the value as the corpus gives it ("" when missing)
     */
    public record Reading(LocalDate date, Problem problem, String raw) {
        /** Validates. @throws IllegalArgumentException unless exactly one of date and problem is given */
        public Reading {
            Objects.requireNonNull(raw, "raw");
            if ((date == null) == (problem == null)) {
                throw new IllegalArgumentException("a reading has a date or a problem, not both or neither");
            }
        }

        /** @return true when the reading gave a date */
        public boolean dated() {
            return date != null;
        }
    }

    /**
     * How many articles have a usable date, and for the others how many by problem, with a few of their values.
     *
     * @param dated    articles with a usable date
     * @param problems articles without one, by problem (every problem present, possibly 0)
     * @param examples up to {@link #EXAMPLES} distinct raw values per problem (none for {@link Problem#MISSING})
     */
    public record Census(int dated, Map<Problem, Integer> problems, Map<Problem, List<String>> examples) {
        /** Distinct values kept per problem. */
        public static final int EXAMPLES = 3;

        /** Copies. */
        public Census {
            problems = Collections.unmodifiableMap(new EnumMap<>(problems));
            Map<Problem, List<String>> copy = new EnumMap<>(Problem.class);
            examples.forEach((p, l) -> copy.put(p, List.copyOf(l)));
            examples = Collections.unmodifiableMap(copy);
        }

        /** @return articles without a usable date */
        public int undated() {
            return problems.values().stream().mapToInt(Integer::intValue).sum();
        }

        /**
         * @return one line per problem that occurs, for reports: "4,407 no date", "3 out of range (0001-11-30, ...)"
         */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            problems.forEach((p, n) -> {
                if (n > 0) {
                    List<String> ex = examples.getOrDefault(p, List.of());
                    out.add(String.format(Locale.ROOT, "%,d %s%s", n, p.description(),
                            ex.isEmpty() ? "" : " (" + String.join(", ", ex) + ")"));
                }
            });
            return out;
        }
    }

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};

    private final LocalDate today;

    /** @param today the last day a publication date may fall on */
    public PublicationDates(LocalDate today) {
        this.today = Objects.requireNonNull(today, "today");
    }

    /** @return dates read against today's date (UTC) */
    public static PublicationDates asOfToday() {
        return new PublicationDates(LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * @param article an article
     * @return its date as read from {@link Article#DATE}
     */
    public Reading read(Article article) {
        return read(article.metadata().getOrDefault(Article.DATE, ""));
    }

    /**
     * @param value a date as a corpus gives it, or null
     * @return the reading
     */
    public Reading read(String value) {
        String raw = value == null ? "" : value;
        String v = raw.strip();
        if (v.isEmpty()) {
            return new Reading(null, Problem.MISSING, raw);
        }
        int[] ymd = fields(v);
        if (ymd == null) {
            return new Reading(null, Problem.UNKNOWN_FORMAT, raw);
        }
        LocalDate date;
        try {
            date = LocalDate.of(ymd[0], ymd[1], ymd[2]);
        } catch (DateTimeException e) {
            return new Reading(null, Problem.NO_SUCH_DAY, raw);
        }
        if (date.isBefore(EARLIEST)) {
            return new Reading(null, Problem.TOO_EARLY, raw);
        }
        if (date.isAfter(today)) {
            return new Reading(null, Problem.IN_THE_FUTURE, raw);
        }
        return new Reading(date, null, raw);
    }

    /**
     * @param articles articles
     * @return how many have a usable date, and why the others have none
     */
    public Census census(List<LabelledArticle> articles) {
        int dated = 0;
        Map<Problem, Integer> problems = new EnumMap<>(Problem.class);
        Map<Problem, List<String>> examples = new EnumMap<>(Problem.class);
        for (Problem p : Problem.values()) {
            problems.put(p, 0);
        }
        for (LabelledArticle a : articles) {
            Reading r = read(a.article());
            if (r.dated()) {
                dated++;
            } else {
                problems.merge(r.problem(), 1, Integer::sum);
                if (r.problem() != Problem.MISSING) {
                    List<String> ex = examples.computeIfAbsent(r.problem(), k -> new ArrayList<>());
                    if (ex.size() < Census.EXAMPLES && !ex.contains(r.raw().strip())) {
                        ex.add(r.raw().strip());
                    }
                }
            }
        }
        return new Census(dated, problems, examples);
    }

    /**
     * @param articles articles
     * @return the usable date of each article that has one, by id, in the articles' order
     */
    public Map<String, LocalDate> dates(List<LabelledArticle> articles) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        for (LabelledArticle a : articles) {
            Reading r = read(a.article());
            if (r.dated()) {
                out.put(a.id(), r.date());
            }
        }
        return out;
    }

    /** Year, month and day in one of the formats of the class comment, or null; not checked against the calendar. */
    private int[] fields(String v) {
        // ISO, optionally with a time after it.
        if (v.length() >= 10 && digitsAt(v, 0, 4) && v.charAt(4) == '-' && digitsAt(v, 5, 7) && v.charAt(7) == '-'
                && digitsAt(v, 8, 10) && (v.length() == 10 || v.charAt(10) == 'T' || v.charAt(10) == ' ')) {
            return new int[] {num(v, 0, 4), num(v, 5, 7), num(v, 8, 10)};
        }
        // US month first: M/D/YY or M/D/YYYY.
        String[] slash = v.split("/", -1);
        if (slash.length == 3 && digits(slash[0], 1, 2) && digits(slash[1], 1, 2)
                && (slash[2].length() == 2 || slash[2].length() == 4) && digits(slash[2], 2, 4)) {
            int year = Integer.parseInt(slash[2]);
            return new int[] {slash[2].length() == 2 ? century(year) : year, Integer.parseInt(slash[0]),
                Integer.parseInt(slash[1])};
        }
        // "December 31, 2017" or "Dec 31, 2017".
        String[] words = v.split("[ ,]+");
        if (words.length == 3 && v.indexOf(',') > 0 && digits(words[1], 1, 2) && digits(words[2], 4, 4)) {
            int month = month(words[0]);
            if (month > 0) {
                return new int[] {Integer.parseInt(words[2]), month, Integer.parseInt(words[1])};
            }
        }
        // "19-Feb-18".
        String[] dash = v.split("-", -1);
        if (dash.length == 3 && digits(dash[0], 1, 2) && digits(dash[2], 2, 2)) {
            int month = month(dash[1]);
            if (month > 0) {
                return new int[] {century(Integer.parseInt(dash[2])), month, Integer.parseInt(dash[0])};
            }
        }
        return null;
    }

    /** A two-digit year in this century unless that is after this year. */
    private int century(int twoDigits) {
        int year = today.getYear() / 100 * 100 + twoDigits;
        return year > today.getYear() ? year - 100 : year;
    }

    /** The month of an English name or its three-letter abbreviation (with or without a dot), any case; else 0. */
    private static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (MONTHS[m].equals(w) || (w.length() == 3 && MONTHS[m].startsWith(w)) || ("sept".equals(w) && m == 8)) {
                return m + 1;
            }
        }
        return 0;
    }

    /** Whether a string is all ASCII digits and its length is in [min, max]. */
    private static boolean digits(String s, int min, int max) {
        return s.length() >= min && s.length() <= max && digitsAt(s, 0, s.length());
    }

    /** Whether characters [from, to) of a string are all ASCII digits. */
    private static boolean digitsAt(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
