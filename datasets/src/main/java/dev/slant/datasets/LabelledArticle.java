package dev.slant.datasets;

import java.util.Objects;

/**
 * An article with its labels.
 *
 * @param article the article
 * @param labels  its labels, {@link Labels#NONE} when unlabelled
 */
public record LabelledArticle(Article article, Labels labels) {
    /** Validates. @throws NullPointerException if an argument is null */
    public LabelledArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(labels, "labels");
    }

    /** @return the article's id */
    public String id() {
        return article.id();
    }
}
