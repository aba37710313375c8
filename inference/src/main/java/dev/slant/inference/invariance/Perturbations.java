package dev.slant.inference.invariance;

import dev.slant.datasets.Article;
import dev.slant.datasets.scrub.OutletSignatures;
import dev.slant.datasets.scrub.ScrubSettings;
import dev.slant.datasets.scrub.Scrubber;
import dev.slant.inference.features.Featurizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The standard invariance perturbations. Outlet signatures come from {@link OutletSignatures}: the names of the
 * corpus's largest outlets (never the article's own), datelines of the scrubber's agencies, and real reprint footers;
 * each article draws one variant with its own seeded random source.
 */
public final class Perturbations {
    /** Sentences that say nothing about politics, one appended to the article. */
    public static final List<String> NEUTRAL_SENTENCES = List.of(
            "The event took place on a weekday afternoon.",
            "More details are expected in the coming days.",
            "The document runs to several pages.",
            "Officials did not give a specific time.",
            "The building is located downtown.");

    /** How many of a corpus's largest outlets lend their names. */
    public static final int OUTLET_NAMES = 30;

    private Perturbations() {
    }

    /**
     * The standard perturbations for a model and a corpus: the names of the corpus's {@value #OUTLET_NAMES} largest
     * outlets, and the datelines of the agencies the model's scrubber knows (the default agencies when it does not
     * scrub).
     *
     * @param featurizer the model's featurizer
     * @param corpus     the corpus's articles
     * @return the perturbations
     */
    public static List<Perturbation> forModel(Featurizer featurizer, Iterable<Article> corpus) {
        List<String> agencies = featurizer.settings().scrub() && featurizer.scrubber() instanceof Scrubber s
                && !s.rules().agencies().isEmpty() ? s.rules().agencies() : ScrubSettings.DEFAULT_AGENCIES;
        return standard(OutletSignatures.outletNames(corpus, OUTLET_NAMES), agencies);
    }

    /**
     * @param outletNames names of other outlets to insert (for example {@link OutletSignatures#outletNames}); when
     *                    empty, the agencies' names are used
     * @param agencies    the agencies whose datelines are inserted (a bundle's scrubber agencies, or the defaults)
     * @return the perturbations: the outlet signatures first
     * @throws IllegalArgumentException if both lists are empty
     */
    public static List<Perturbation> standard(List<String> outletNames, List<String> agencies) {
        List<String> names = outletNames.isEmpty() ? List.copyOf(agencies) : List.copyOf(outletNames);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no outlet name and no agency to insert");
        }
        List<String> datelines = OutletSignatures.datelines(agencies.isEmpty() ? names : agencies);
        List<Perturbation> out = new ArrayList<>();
        out.add(new Perturbation("outlet name in the body", true,
                "another outlet credited in a last line: \"Fox News contributed to this report.\"",
                (a, r) -> {
                    String name = otherOutlet(a, names, r);
                    return name == null ? null : new Perturbation.Perturbed(
                            a.withContent(a.title(), a.text() + "\n\n" + name + " contributed to this report."), name);
                }));
        out.add(new Perturbation("outlet name after the title", true,
                "another outlet's name after the title, as scraped pages give it: \"... - Fox News\"",
                (a, r) -> {
                    String name = otherOutlet(a, names, r);
                    return name == null ? null : new Perturbation.Perturbed(
                            a.withContent(a.title().isEmpty() ? name : a.title() + " - " + name, a.text()), name);
                }));
        out.add(new Perturbation("dateline", true, "an agency's dateline before the text: \"WASHINGTON (Reuters) - \"",
                (a, r) -> {
                    String d = datelines.get(r.nextInt(datelines.size()));
                    return new Perturbation.Perturbed(a.withContent(a.title(), d + a.text()), d.strip());
                }));
        out.add(new Perturbation("reprint footer", true,
                "another outlet's reprint or contact footer as a last line (" + OutletSignatures.FOOTERS.size()
                        + " real ones)",
                (a, r) -> {
                    String f = OutletSignatures.FOOTERS.get(r.nextInt(OutletSignatures.FOOTERS.size()));
                    return new Perturbation.Perturbed(a.withContent(a.title(), a.text() + "\n\n" + f), firstWords(f));
                }));
        out.add(new Perturbation("whitespace", false, "spaces and line breaks doubled, the text indented",
                (a, r) -> new Perturbation.Perturbed(a.withContent(a.title().replace(" ", "  "),
                        "  " + a.text().replace(" ", "  ").replace("\n", "\n\n") + " \n"), "doubled")));
        out.add(new Perturbation("quotes", false, "straight quotes and apostrophes made curly, or curly ones straight",
                (a, r) -> {
                    boolean curly = hasCurly(a.title()) || hasCurly(a.text());
                    return new Perturbation.Perturbed(a.withContent(quotes(a.title(), curly), quotes(a.text(), curly)),
                            curly ? "made straight" : "made curly");
                }));
        out.add(new Perturbation("lower case", false, "title and text in lower case",
                (a, r) -> new Perturbation.Perturbed(a.withContent(a.title().toLowerCase(Locale.ROOT),
                        a.text().toLowerCase(Locale.ROOT)), "lower")));
        out.add(new Perturbation("title in capitals", false, "the title in capital letters",
                (a, r) -> new Perturbation.Perturbed(a.withContent(a.title().toUpperCase(Locale.ROOT), a.text()), "upper")));
        out.add(new Perturbation("neutral sentence", false, "a sentence that says nothing political, as a last line",
                (a, r) -> {
                    String s = NEUTRAL_SENTENCES.get(r.nextInt(NEUTRAL_SENTENCES.size()));
                    return new Perturbation.Perturbed(a.withContent(a.title(), a.text() + "\n\n" + s), firstWords(s));
                }));
        return List.copyOf(out);
    }

    /** A name from the list that is not one of the article's own outlet's names, or null when none is left. */
    private static String otherOutlet(Article a, List<String> names, Random r) {
        Set<String> own = OutletSignatures.ownNames(a);
        List<String> others = names.stream().filter(n -> !own.contains(n.toLowerCase(Locale.ROOT))).toList();
        return others.isEmpty() ? null : others.get(r.nextInt(others.size()));
    }

    private static String firstWords(String s) {
        String[] words = s.split(" ");
        return words.length <= 4 ? s : String.join(" ", List.of(words).subList(0, 4)) + " ...";
    }

    private static boolean hasCurly(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D') {
                return true;
            }
        }
        return false;
    }

    /** Curly quotes made straight, or straight ones curly (opening after a space or line start, else closing). */
    private static String quotes(String s, boolean makeStraight) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean opening = i == 0 || Character.isWhitespace(s.charAt(i - 1)) || "([{".indexOf(s.charAt(i - 1)) >= 0;
            if (makeStraight) {
                out.append(c == '\u2018' || c == '\u2019' ? '\'' : c == '\u201C' || c == '\u201D' ? '"' : c);
            } else if (c == '\'') {
                out.append(opening ? '\u2018' : '\u2019');
            } else if (c == '"') {
                out.append(opening ? '\u201C' : '\u201D');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
