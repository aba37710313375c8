package dev.slant.inference.report;

import java.util.Locale;

/** A small writer of standalone SVG documents: rectangles, lines, circles and text, escaped. */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    /**
     * Starts a document with a white background.
     *
     * @param width  width in pixels
     * @param height height in pixels
     * @param title  the document's title (shown as a tooltip, read by screen readers)
     */
    Svg(double width, double height, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n")
                .append("<title>").append(escape(title)).append("</title>\n");
        rect(0, 0, width, height, "#ffffff", null);
    }

    /**
     * @param stroke outline colour, or null for none
     * @return this
     */
    Svg rect(double x, double y, double width, double height, String fill, String stroke) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append("\" fill=\"").append(fill)
                .append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append('"');
        }
        out.append("/>\n");
        return this;
    }

    /**
     * @param dashed whether to dash the line
     * @return this
     */
    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(num(width)).append('"');
        if (dashed) {
            out.append(" stroke-dasharray=\"6 4\"");
        }
        out.append("/>\n");
        return this;
    }

    /** @return this */
    Svg circle(double cx, double cy, double r, String fill) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /**
     * @param anchor "start", "middle" or "end"
     * @param rotate degrees to turn the text about (x, y), 0 for none
     * @return this
     */
    Svg text(double x, double y, String text, double size, String anchor, String fill, double rotate) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(size)).append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(fill)
                .append('"');
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(num(rotate)).append(' ').append(num(x)).append(' ')
                    .append(num(y)).append(")\"");
        }
        out.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /** @return the finished document */
    String finish() {
        return out + "</svg>\n";
    }

    /**
     * @param share a value in [0, 1]
     * @return a colour from white (0) to dark blue (1)
     */
    static String blue(double share) {
        double s = Math.max(0, Math.min(1, share));
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(255 + (8 - 255) * s),
                Math.round(255 + (69 - 255) * s), Math.round(255 + (148 - 255) * s));
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&': s.append("&amp;"); break;
                case '<': s.append("&lt;"); break;
                case '>': s.append("&gt;"); break;
                case '"': s.append("&quot;"); break;
                case '\'': s.append("&apos;"); break;
                default:
                    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                        s.append(' ');
                    } else {
                        s.append(ch);
                    }
            }
        }
        return s.toString();
    }
}
