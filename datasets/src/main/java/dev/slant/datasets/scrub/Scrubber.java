package dev.slant.datasets.scrub;

import dev.slant.datasets.Article;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Removes outlet fingerprints from an article's title and text. Immutable and thread-safe; built only from
 * its {@link ScrubRules}. (Placeholder: the rules are applied naively until the real implementation lands.)
 */
public final class Scrubber implements UnaryOperator<Article> {
    /** The scrubber that changes nothing. */
    public static final Scrubber NONE = new Scrubber(ScrubRules.NONE);

    private final ScrubRules rules;

    private Scrubber(ScrubRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param rules the rules
     * @return a scrubber applying them
     */
    public static Scrubber of(ScrubRules rules) {
        return rules.equals(ScrubRules.NONE) ? NONE : new Scrubber(rules);
    }

    /** @return the rules, for saving */
    public ScrubRules rules() {
        return rules;
    }

    @Override
    public Article apply(Article article) {
        String text = article.text();
        for (String phrase : rules.boilerplate()) {
            text = text.replace(phrase, " ");
        }
        return article.withContent(article.title(), text);
    }
}
