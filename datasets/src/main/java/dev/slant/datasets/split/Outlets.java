package dev.slant.datasets.split;

import dev.slant.datasets.Article;
import java.util.Locale;
import java.util.Set;

/**
 * Which outlet an article comes from, for outlet-disjoint splits. An outlet is the registered domain of the
 * article's web host ({@link Article#HOST}, else the host of {@link Article#URL}): {@code www.cnn.com} and
 * {@code politicalticker.blogs.cnn.com} are both {@code cnn.com}. The registered domain is the last two labels
 * of the host, or the last three under a two-letter country code whose second level is a generic one
 * ({@code bbc.co.uk}, {@code abc.net.au}). Without a host or URL, the outlet's name ({@link Article#OUTLET}) is used;
 * without any, the article is its own outlet.
 */
public final class Outlets {
    /** Prefix of the outlet key of an article that names no outlet: its own id. */
    public static final String ID_PREFIX = "id:";

    private static final Set<String> GENERIC_SECOND_LEVEL = Set.of("co", "com", "org", "net", "gov", "ac", "edu");

    private Outlets() {
    }

    /**
     * @param article an article
     * @return its outlet key: a registered domain, else "name:" and the outlet's name, else "id:" and its id
     */
    public static String of(Article article) {
        String host = article.meta(Article.HOST).or(() -> article.meta(Article.URL)).orElse(null);
        if (host != null) {
            String domain = registeredDomain(host);
            if (!domain.isEmpty()) {
                return domain;
            }
        }
        return article.meta(Article.OUTLET).map(name -> "name:" + name.strip()).orElse(ID_PREFIX + article.id());
    }

    /**
     * @param articles articles
     * @return how many distinct outlets they name (by host, URL or outlet name); 0 when every outlet key falls back
     *         to the article's id, in which case "outlet-disjoint" splits only hold out articles
     */
    public static int countNamed(Iterable<Article> articles) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Article a : articles) {
            String key = of(a);
            if (!key.startsWith(ID_PREFIX)) {
                named.add(key);
            }
        }
        return named.size();
    }

    /**
     * The registered domain of a host name or URL.
     *
     * @param hostOrUrl for example "www.cnn.com", "https://edition.cnn.com/2019/x.html" or "www.bbc.co.uk"
     * @return the registered domain, lower case ("cnn.com", "bbc.co.uk"), or "" if there is no host
     */
    public static String registeredDomain(String hostOrUrl) {
        String h = hostOrUrl.strip().toLowerCase(Locale.ROOT);
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int end = h.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int i = h.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        h = h.substring(0, end);
        int at = h.lastIndexOf('@');
        if (at >= 0) {
            h = h.substring(at + 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            return "";
        }
        String[] labels = h.split("\\.");
        int n = labels.length;
        if (n <= 2) {
            return h;
        }
        boolean countryWithGenericSecond = labels[n - 1].length() == 2 && GENERIC_SECOND_LEVEL.contains(labels[n - 2]);
        int keep = countryWithGenericSecond ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
    }
}
