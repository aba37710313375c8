package dev.slant.serve;

import dev.slant.datasets.Article;
import java.util.Objects;

/**
 * One article to classify as a client sent it.
 *
 * @param id      the id the client gave, or null if it gave none (the answer then has {@code "id": null})
 * @param article the article; its id is {@code id}, or {@link #NO_ID} when the client gave none
 */
record ArticleRequest(String id, Article article) {
    /** The article id used when the client gave none; never shown to the client. */
    static final String NO_ID = "(none)";

    ArticleRequest {
        Objects.requireNonNull(article, "article");
        if (!article.id().equals(id == null ? NO_ID : id)) {
            throw new IllegalArgumentException("article id " + article.id() + " differs from the request's id " + id);
        }
    }
}
