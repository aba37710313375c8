package dev.slant.cli.bench;

import dev.slant.datasets.Article;
import java.util.List;
import java.util.Objects;

/**
 * The articles a peer trains, chooses and is tested on: the same parts of the same split as Slant, duplicates
 * kept out of training as Slant keeps them out, and the main target's gold labels.
 *
 * @param target the main target's name
 * @param train  the train part
 * @param valid  the valid part
 * @param test   the test part
 */
public record PeerData(String target, List<Example> train, List<Example> valid, List<Example> test) {
    /** Copies. @throws IllegalArgumentException if the train or test part is empty */
    public PeerData {
        Objects.requireNonNull(target, "target");
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("peers need a train and a test part");
        }
    }

    /**
     * An article and its gold label.
     *
     * @param article the article
     * @param label   its label on the main target
     */
    public record Example(Article article, String label) {
        /** Validates. @throws NullPointerException if a part is null */
        public Example {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(label, "label");
        }

        /** @return title and body on one line: every run of tabs, line breaks and spaces is one space */
        public String oneLine() {
            return (article.title() + " " + article.text()).replaceAll("[\\t\\n\\r\\u000B\\f\\u0085\\u2028\\u2029 ]+", " ").strip();
        }
    }

    /** @return UTF-8 bytes of the test articles' titles and bodies, the measure of every MB/s figure */
    public long testBytes() {
        return TextBytes.of(test.stream().map(Example::article).toList());
    }
}
