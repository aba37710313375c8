package dev.slant.inference.invariance;

import dev.slant.datasets.Article;
import java.util.Objects;
import java.util.Random;

/**
 * A change to an article that must not change its stance (an invariance test in the sense of CheckList, Ribeiro et
 * al. 2020): another outlet's name, dateline or footer, whitespace, quotes, case, a neutral sentence.
 *
 * @param name            a short name for reports ("reprint footer")
 * @param outletSignature whether it adds another outlet's signature (the shortcut scrubbing is meant to close)
 * @param description     what it does, for reports
 * @param change          the change
 */
public record Perturbation(String name, boolean outletSignature, String description, Change change) {
    /** Validates. @throws NullPointerException if an argument is null */
    public Perturbation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(change, "change");
    }

    /** The change itself. */
    @FunctionalInterface
    public interface Change {
        /**
         * @param article the article (its metadata, such as its own outlet, is kept)
         * @param random  a random source for this article and perturbation alone
         * @return the changed article and the variant used ("Fox News", a footer's first words), or null when the
         *         perturbation does not apply to the article
         */
        Perturbed apply(Article article, Random random);
    }

    /**
     * A perturbed article.
     *
     * @param article the changed article
     * @param variant which variant of the perturbation it got, for reports
     */
    public record Perturbed(Article article, String variant) {
        /** Validates. @throws NullPointerException if an argument is null */
        public Perturbed {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(variant, "variant");
        }
    }

    /**
     * @param article the article
     * @param random  a random source for this article and perturbation alone
     * @return the perturbed article, or null when the perturbation does not apply
     */
    public Perturbed apply(Article article, Random random) {
        return change.apply(article, random);
    }
}
