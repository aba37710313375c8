package dev.slant.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slant.inference.features.FeaturizerSettings;
import org.junit.jupiter.api.Test;

class TrainingRunTest {
    @Test
    void describesTheFeaturizerSettingsThatDifferFromThePeers() {
        assertEquals("words 1-2, tokens of 3+ characters, title weight 0.5, 2^20 buckets, scrubbed",
                TrainingRun.describe(FeaturizerSettings.DEFAULTS));
        assertEquals("words 1-2, tokens of 3+ characters, 2^20 buckets, scrubbed",
                TrainingRun.describe(FeaturizerSettings.DEFAULTS.withTitleWeight(0)));
        assertEquals("words 1-3, tokens of 2+ characters, numbers kept, title weight 0.5, 3000 buckets, not scrubbed",
                TrainingRun.describe(FeaturizerSettings.DEFAULTS.withWordNgrams(1, 3).withMinTokenLength(2)
                        .withDropNumbers(false).withBuckets(3000).withScrub(false)));
        assertEquals("words 1-1, chars 3-5, tokens of 3+ characters, title weight 0.5, 2^22 buckets, scrubbed",
                TrainingRun.describe(FeaturizerSettings.DEFAULTS.withWordNgrams(1, 1).withCharNgrams(3, 5)
                        .withBuckets(1 << 22)));
    }
}
