package dev.slant.datasets.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitChoiceTest {

    @Test
    void commandsTrainOnThePublishedMediaSplitWhereThereIsOneElseAStratifiedOne() {
        Split media = new Split("media", Map.of("a", Part.TRAIN, "b", Part.TEST));
        Split published = new Split("published", Map.of("a", Part.TRAIN, "b", Part.TEST));
        assertEquals("media", SplitChoice.defaultFor(Map.of("media", media, "random", published)));
        assertEquals(SplitChoice.STRATIFIED, SplitChoice.defaultFor(Map.of("published", published)));
        assertEquals(SplitChoice.STRATIFIED, SplitChoice.defaultFor(Map.of()));
    }
}
