package dev.slant.datasets;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One news article as read from a corpus: an identifier, a title, a body text, and free-form metadata
 * such as the outlet, its web host, the date and the URL.
 *
 * @param id       identifier, unique within its corpus; never blank
 * @param title    title, possibly empty, never null
 * @param text     body text, never null (readers reject empty texts before they get here)
 * @param metadata metadata by key ({@link #OUTLET}, {@link #HOST}, {@link #DATE}, {@link #URL}, ...); copied,
 *                 immutable, keys in sorted order
 */
public record Article(String id, String title, String text, Map<String, String> metadata) {

    /** Metadata key: the outlet's name as the corpus gives it (for example "CNN (Web News)"). */
    public static final String OUTLET = "outlet";
    /** Metadata key: the web host of the outlet's site (for example "www.cnn.com"). */
    public static final String HOST = "host";
    /** Metadata key: the publication date as the corpus gives it, unparsed. */
    public static final String DATE = "date";
    /** Metadata key: the article's URL. */
    public static final String URL = "url";

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the id is blank
     * @throws NullPointerException     if any argument is null
     */
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id is blank");
        }
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /**
     * An article with a title and text and no metadata.
     *
     * @param id    identifier
     * @param title title, possibly empty
     * @param text  body text
     * @return the article
     */
    public static Article of(String id, String title, String text) {
        return new Article(id, title, text, Map.of());
    }

    /**
     * A metadata value.
     *
     * @param key metadata key
     * @return its value, if present and not blank
     */
    public Optional<String> meta(String key) {
        String value = metadata.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * This article with another body text (for scrubbing).
     *
     * @param newTitle the new title
     * @param newText the new text
     * @return a copy with the given title and text
     */
    public Article withContent(String newTitle, String newText) {
        return new Article(id, newTitle, newText, metadata);
    }
}
