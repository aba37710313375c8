package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.datasets.Article;
import dev.slant.datasets.RealData;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Fits on the article-bias random split's training part and scrubs its test part, which fitting never sees. */
class ScrubberRealDataTest {
    private static final String WASHINGTON_TIMES_FOOTER =
            "Copyright © #### The Washington Times, LLC. Click here for reprint permission.";
    private static final String BBC_MEDIA = "Media playback is unsupported on your device Media caption";
    /** A Reuters dateline at a line's start, as a reader would see it (independent of the scrubber's matcher). */
    private static final Pattern REUTERS_DATELINE = Pattern.compile("(?m)^[ \\t]*(?:[A-Z][^\\n(]{0,60} )?\\(Reuters\\)");

    @Test
    void learnsTheKnownFootersAndRemovesReutersDatelinesFromUnseenArticles() {
        Path dir = RealData.require("article-bias");
        List<ArticleBiasFile.Labelled> corpus = ArticleBiasFile.read(dir);
        assertEquals(37_554, corpus.size());
        Set<String> train = ArticleBiasFile.splitIds(dir, "random", "train");
        Set<String> test = ArticleBiasFile.splitIds(dir, "random", "test");
        List<Article> training = corpus.stream().map(ArticleBiasFile.Labelled::article)
                .filter(a -> train.contains(a.id())).toList();
        List<Article> unseen = corpus.stream().map(ArticleBiasFile.Labelled::article)
                .filter(a -> test.contains(a.id())).toList();
        assertEquals(27_978, training.size());
        assertEquals(1_300, unseen.size());

        Scrubber scrubber = Scrubber.fit(training);
        ScrubRules rules = scrubber.rules();
        assertEquals(WASHINGTON_TIMES_FOOTER, rules.phrases().get(0));
        assertTrue(rules.lineOpeners().contains(BBC_MEDIA), () -> "openers: " + rules.lineOpeners());

        long datelinesBefore = unseen.stream().filter(a -> REUTERS_DATELINE.matcher(a.text()).find()).count();
        long datelinesAfter = unseen.stream().map(scrubber).filter(a -> REUTERS_DATELINE.matcher(a.text()).find())
                .count();
        long footersAfter = unseen.stream().map(scrubber)
                .filter(a -> a.text().contains("The Washington Times, LLC")
                        || a.text().contains("Media playback is unsupported on your device"))
                .count();
        assertEquals(97, datelinesBefore);
        assertEquals(0, datelinesAfter);
        assertEquals(0, footersAfter);

        // scrubInto, which the featurizer reads, writes the very fields apply builds.
        int changed = 0;
        for (Article a : unseen) {
            Article scrubbed = scrubber.apply(a);
            changed += scrubbed == a ? 0 : 1;
            assertEquals(scrubbed.title(), scrubbedInto(scrubber, a, ArticleField.TITLE), a.id());
            assertEquals(scrubbed.text(), scrubbedInto(scrubber, a, ArticleField.TEXT), a.id());
        }
        assertTrue(changed > 500, "articles changed by scrubbing: " + changed);
    }

    private static String scrubbedInto(Scrubber scrubber, Article a, ArticleField field) {
        char[] buffer = new char[(field == ArticleField.TITLE ? a.title() : a.text()).length()];
        return new String(buffer, 0, scrubber.scrubInto(a, field, buffer));
    }
}
