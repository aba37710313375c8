package dev.slant.serve.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a target's shares ({@link ArchiveTally.Shares}) as an SVG of 100% stacked bars, one bar per group, so that
 * it reads without colour too: every category has a mark (L, C and R for stance, numbers for other labels, + for
 * the rest, ⊘ for abstentions) written in each segment wide enough for it, with its share; stance's left and
 * right carry stripes and dots; each segment's tooltip gives its count; each bar is labelled with its group and
 * its number of articles. Every piece of text is escaped; the SVG has no script, no style sheet, no link and no
 * external reference, so it is the same inline in a page, in a static report or opened alone.
 *
 * <p>Each segment carries {@code data-group}, {@code data-category} and {@code data-count}, so that tests (and
 * people) can read the numbers drawn.
 */
public final class ShareChartSvg {
    /** Stance's labels, which get their own colours, marks and patterns. */
    private static final List<String> STANCE = List.of("left", "center", "right");
    private static final String[] STANCE_COLOURS = {"#2c6db0", "#a3a3a3", "#c4342d"};
    private static final String[] STANCE_MARKS = {"L", "C", "R"};
    /** Okabe and Ito's colours, told apart by most colour-blind readers, then greys. */
    private static final String[] PALETTE = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
        "#8c8c8c", "#5a5a5a", "#c7c7c7", "#7a5195", "#2f4b7c"};
    private static final String OTHER_COLOUR = "#dcdcdc";
    private static final double ROW = 44;
    private static final double BAR = 20;
    private static final double FONT = 13;

    private ShareChartSvg() {
    }

    /** How a category is drawn. */
    private record Style(String label, String mark, String colour, String pattern) {
    }

    /**
     * @param shares the numbers
     * @param width  the drawing's width in pixels (at least 240), so that its text keeps its size on a phone
     * @param id     a prefix for the drawing's element ids, unique within the page it goes into
     * @return the {@code <svg>} element, without an XML declaration (valid inline in HTML and as a file)
     */
    public static String render(ArchiveTally.Shares shares, int width, String id) {
        return render(shares, width, id, true);
    }

    /**
     * @param shares    the numbers
     * @param width     the drawing's width in pixels (at least 240)
     * @param id        a prefix for the drawing's element ids, unique within the page it goes into
     * @param showTitle whether to write the title above the bars (it is always the drawing's accessible name); a
     *                  page with the title as its own heading leaves it out
     * @return the {@code <svg>} element, without an XML declaration
     */
    public static String render(ArchiveTally.Shares shares, int width, String id, boolean showTitle) {
        double w = Math.max(240, width);
        String prefix = id.replaceAll("[^A-Za-z0-9_-]", "_");
        List<Style> styles = styles(shares);
        String title = title(shares);
        List<String> titleLines = showTitle ? wrap(title, (int) Math.max(10, (w - 2) / (15 * 0.6))) : List.of();
        double titleHeight = titleLines.size() * 19;
        List<String[]> legendLines = legendLines(styles, w);
        double legendHeight = legendLines.size() * 20;
        double top = titleHeight + (showTitle ? 12 : 4) + legendHeight + 6;
        double height = top + shares.groups().size() * ROW + 6;
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart shares\" width=\"").append(num(w))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(w)).append(' ')
                .append(num(height)).append("\" role=\"img\" aria-labelledby=\"").append(prefix).append("-t ")
                .append(prefix).append("-d\" font-family=\"DejaVu Sans, Verdana, sans-serif\" data-target=\"")
                .append(escape(shares.target())).append("\" data-dimension=\"").append(escape(shares.dimension()))
                .append("\">\n");
        s.append("<title id=\"").append(prefix).append("-t\">").append(escape(title)).append("</title>\n");
        s.append("<desc id=\"").append(prefix).append("-d\">").append(escape(description(shares, styles))).append("</desc>\n");
        s.append("<defs>\n");
        for (int c = 0; c < styles.size(); c++) {
            Style st = styles.get(c);
            if (st.pattern() == null) {
                continue;
            }
            s.append("<pattern id=\"").append(prefix).append("-p").append(c)
                    .append("\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"")
                    .append(st.colour()).append("\"/>");
            switch (st.pattern()) {
                case "stripes" -> s.append("<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"#ffffff\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>");
                case "dots" -> s.append("<circle cx=\"4\" cy=\"4\" r=\"1.7\" fill=\"#ffffff\" fill-opacity=\"0.65\"/>");
                case "cross" -> s.append("<path d=\"M0,0 l8,8 M8,0 l-8,8\" stroke=\"#9a9a9a\" stroke-width=\"0.8\"/>");
                default -> throw new IllegalStateException(st.pattern());
            }
            s.append("</pattern>\n");
        }
        s.append("</defs>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (int l = 0; l < titleLines.size(); l++) {
            text(s, 1, 16 + 19 * l, titleLines.get(l), 15, "start", "#1b1b1b", "font-weight=\"bold\"");
        }
        // The legend: swatch, mark, label.
        double y = titleHeight + (showTitle ? 12 : 4);
        int c = 0;
        for (String[] line : legendLines) {
            double x = 1;
            for (String ignored : line) {
                Style st = styles.get(c);
                s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y + 2)).append("\" width=\"14\" height=\"14\" fill=\"")
                        .append(fill(st, prefix, c)).append("\" stroke=\"#555555\" stroke-width=\"0.5\"/>");
                text(s, x + 19, y + 14, st.mark() + " " + st.label(), 12.5, "start", "#1b1b1b", "class=\"legend\" data-category=\""
                        + escape(shares.categories().get(c).key()) + "\"");
                x += legendWidth(st);
                c++;
            }
            y += 20;
        }
        // The bars.
        for (int g = 0; g < shares.groups().size(); g++) {
            ArchiveTally.Group group = shares.groups().get(g);
            double gy = top + g * ROW;
            String count = "n = " + String.format(Locale.ROOT, "%,d", group.total());
            double nameRoom = w - 8 - count.length() * FONT * 0.6;
            s.append("<g class=\"bar\" data-group=\"").append(escape(group.name())).append("\" data-total=\"")
                    .append(group.total()).append("\">\n");
            s.append("<text x=\"1\" y=\"").append(num(gy + 13)).append("\" font-size=\"").append(num(FONT))
                    .append("\" fill=\"#1b1b1b\" font-weight=\"bold\" class=\"group\">").append(escape(fit(group.name(), nameRoom, FONT)))
                    .append("<title>").append(escape(group.name())).append("</title></text>\n");
            text(s, w - 1, gy + 13, count, 12, "end", "#444444", "class=\"count\"");
            double x = 1;
            double barWidth = w - 2;
            for (int k = 0; k < styles.size(); k++) {
                long n = group.counts()[k];
                if (n == 0) {
                    continue;
                }
                Style st = styles.get(k);
                double sw = barWidth * n / group.total();
                String pct = percent(group.share(k));
                s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(gy + 18)).append("\" width=\"")
                        .append(num(Math.max(0.5, sw))).append("\" height=\"").append(num(BAR)).append("\" fill=\"")
                        .append(fill(st, prefix, k)).append("\" stroke=\"#ffffff\" stroke-width=\"1\" data-group=\"")
                        .append(escape(group.name())).append("\" data-category=\"").append(escape(shares.categories().get(k).key()))
                        .append("\" data-count=\"").append(n).append("\"><title>")
                        .append(escape(group.name() + ": " + st.label() + " " + pct + " (" + n + " of " + group.total() + ")"))
                        .append("</title></rect>\n");
                String label = sw >= 70 ? st.mark() + " " + pct : sw >= 18 ? st.mark() : "";
                if (!label.isEmpty()) {
                    boolean dark = st.pattern() != null && !st.pattern().equals("cross") || dark(st.colour());
                    // White text gets a dark outline, so that it reads on stripes and dots too.
                    text(s, x + sw / 2, gy + 32, label, 11.5, "middle", dark ? "#ffffff" : "#111111", dark
                            ? "font-weight=\"bold\" class=\"segment\" stroke=\"#1b1b1b\" stroke-width=\"2.4\" stroke-opacity=\"0.75\" "
                                    + "stroke-linejoin=\"round\" paint-order=\"stroke\""
                            : "font-weight=\"bold\" class=\"segment\"");
                }
                x += sw;
            }
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /**
     * @return the chart's title, for example "stance by outlet, 1,300 articles" or "stance by outlet: the 15
     *         largest of 40 outlets, 1,100 of 1,300 articles"
     */
    public static String title(ArchiveTally.Shares shares) {
        long shown = 0;
        for (ArchiveTally.Group g : shares.groups()) {
            shown += g.total();
        }
        long all = 0;
        for (ArchiveTally.Category c : shares.categories()) {
            all += c.total();
        }
        String by = switch (shares.dimension()) {
            case ArchiveTally.ALL -> "";
            case ArchiveTally.MONTH -> " by month";
            default -> " by " + shares.dimension();
        };
        if (shares.groups().size() < shares.groupCount()) {
            String which = shares.dimension().equals(ArchiveTally.MONTH) ? "latest" : "largest";
            return String.format(Locale.ROOT, "%s%s: the %d %s of %d %s, %,d of %,d articles", shares.target(), by,
                    shares.groups().size(), which, shares.groupCount(), plural(shares.dimension()), shown, all);
        }
        return String.format(Locale.ROOT, "%s%s, %,d articles", shares.target(), by, all);
    }

    /** Breaks text into lines of at most {@code chars} characters, at spaces where it can. */
    private static List<String> wrap(String text, int chars) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > chars) {
            int cut = rest.lastIndexOf(' ', chars);
            if (cut <= 0) {
                cut = chars;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        lines.add(rest);
        return lines;
    }

    private static String plural(String dimension) {
        return dimension.endsWith("s") ? dimension : dimension + "s";
    }

    private static String description(ArchiveTally.Shares shares, List<Style> styles) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < styles.size(); c++) {
            parts.add(styles.get(c).mark() + " " + styles.get(c).label());
        }
        return shares.groups().size() + " bars, each split into the shares of " + String.join(", ", parts)
                + "; each segment's tooltip gives its count.";
    }

    private static List<Style> styles(ArchiveTally.Shares shares) {
        List<Style> out = new ArrayList<>();
        boolean stance = shares.categories().stream().map(ArchiveTally.Category::key)
                .allMatch(k -> STANCE.contains(k) || k.equals(ArchiveTally.OTHER) || k.equals(ArchiveTally.ABSTAINED));
        int next = 0;
        for (ArchiveTally.Category c : shares.categories()) {
            String key = c.key();
            if (key.equals(ArchiveTally.ABSTAINED)) {
                out.add(new Style("abstained", "\u2298", "#ffffff", "cross"));
            } else if (key.equals(ArchiveTally.OTHER)) {
                out.add(new Style("other labels", "+", OTHER_COLOUR, null));
            } else if (stance) {
                int i = STANCE.indexOf(key);
                out.add(new Style(key, STANCE_MARKS[i], STANCE_COLOURS[i], i == 0 ? "stripes" : i == 2 ? "dots" : null));
            } else {
                out.add(new Style(key, Integer.toString(next + 1), PALETTE[next % PALETTE.length], null));
                next++;
            }
        }
        return out;
    }

    private static List<String[]> legendLines(List<Style> styles, double width) {
        List<String[]> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        double x = 1;
        for (Style st : styles) {
            double need = legendWidth(st);
            if (!line.isEmpty() && x + need > width) {
                lines.add(line.toArray(new String[0]));
                line.clear();
                x = 1;
            }
            line.add(st.label());
            x += need;
        }
        if (!line.isEmpty()) {
            lines.add(line.toArray(new String[0]));
        }
        return lines;
    }

    private static double legendWidth(Style st) {
        return 19 + (st.mark().length() + 1 + st.label().length()) * 12.5 * 0.6 + 14;
    }

    private static String fill(Style st, String prefix, int c) {
        return st.pattern() != null ? "url(#" + prefix + "-p" + c + ")" : st.colour();
    }

    private static boolean dark(String colour) {
        int n = Integer.parseInt(colour.substring(1), 16);
        double luminance = 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
        return luminance < 140;
    }

    private static String fit(String text, double room, double size) {
        int chars = (int) Math.max(4, room / (size * 0.62));
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "\u2026";
    }

    /** @return a share as a percentage: one decimal below 10%, none above */
    public static String percent(double share) {
        double p = share * 100;
        return String.format(Locale.ROOT, p < 10 ? "%.1f%%" : "%.0f%%", p);
    }

    private static void text(StringBuilder s, double x, double y, String text, double size, String anchor, String fill,
            String extra) {
        s.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(num(size))
                .append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(fill).append('"');
        if (!extra.isEmpty()) {
            s.append(' ').append(extra);
        }
        s.append('>').append(escape(text)).append("</text>\n");
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /**
     * Escapes text for XML and HTML alike (content and attribute values): {@code & < > " '}, and control characters
     * other than tab, newline and return become spaces (XML cannot hold them).
     *
     * @param text any text
     * @return the escaped text
     */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0xfffe || ch == 0xffff
                            || (Character.isSurrogate(ch) && !validSurrogate(text, i))) {
                        s.append(' ');
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.toString();
    }

    private static boolean validSurrogate(String text, int i) {
        char ch = text.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
