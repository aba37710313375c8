package dev.slant.datasets.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrubRulesTest {

    private static ScrubRules rules(List<String> markers, List<String> phrases, List<String> openers) {
        return new ScrubRules(true, ScrubSettings.DEFAULT_AGENCIES, true, markers, phrases, openers);
    }

    @Test
    void survivesAJacksonRoundTripAndRebuildsTheSameScrubber() throws Exception {
        ScrubRules rules = rules(ScrubSettings.DEFAULT_MARKERS,
                List.of("Copyright © #### The Washington Times, LLC. Click here for reprint permission.", "AD"),
                List.of("Media playback is unsupported on your device Media caption"));
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(rules);
        ScrubRules back = mapper.readValue(json, ScrubRules.class);
        assertEquals(rules, back);
        assertEquals(json, mapper.writeValueAsString(back));
        assertEquals(ScrubRules.NONE, mapper.readValue(mapper.writeValueAsString(ScrubRules.NONE), ScrubRules.class));
        dev.slant.datasets.Article a = dev.slant.datasets.Article.of("a", "", "AD\nText.");
        assertEquals(Scrubber.of(rules).apply(a), Scrubber.of(back).apply(a));
    }

    @Test
    void rejectsPhrasesNotInNormalForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rules(List.of(), List.of("ok", "Copyright  2019"), List.of()));
        assertEquals("phrases[1] 'Copyright  2019' is not in normal form (expected 'Copyright ####')", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rules(List.of(), List.of(), List.of(" lead")));
        assertEquals("lineOpeners[0] ' lead' is not in normal form (expected 'lead')", e.getMessage());
    }

    @Test
    void rejectsBlankOrRepeatedEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rules(List.of(), List.of("AD", "AD"), List.of()));
        assertEquals("phrases[1] 'AD' is repeated", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rules(List.of(" "), List.of(), List.of()));
        assertEquals("markers[0] is blank", e.getMessage());
        assertThrows(NullPointerException.class, () -> rules(null, List.of(), List.of()));
    }

    @Test
    void rejectsMalformedMarkersAndAgencies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rules(List.of("Click here", "“Quote"), List.of(), List.of()));
        assertEquals("markers[1] '“Quote' must start with an ASCII letter and have at least two characters",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ScrubRules(true, List.of("Reuters", "(AP)"), false, List.of(), List.of(), List.of()));
        assertEquals("agencies[1] '(AP)' must have no parentheses, line breaks or surrounding spaces",
                e.getMessage());
    }

    @Test
    void settingsAreValidatedInOnePlaceWithTheirNameAndValue() {
        ScrubSettings d = ScrubSettings.DEFAULTS;
        assertEquals("minArticles must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> d.withMinArticles(0)).getMessage());
        assertEquals("minOutletShare must be between 0 and 1, was 1.5",
                assertThrows(IllegalArgumentException.class, () -> d.withMinOutletShare(1.5)).getMessage());
        assertEquals("minOutletShare must be between 0 and 1, was NaN",
                assertThrows(IllegalArgumentException.class, () -> d.withMinOutletShare(Double.NaN)).getMessage());
        assertEquals("maxPhrases must be at least 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> d.withMaxPhrases(-1)).getMessage());
        assertEquals("maxOpenerWords must be 0 or at least minOpenerWords (5), was 3",
                assertThrows(IllegalArgumentException.class, () -> d.withOpeners(5, 3, 0.1)).getMessage());
        assertEquals("minOpenerWords must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> d.withOpeners(0, 3, 0.1)).getMessage());
        assertEquals("minOpenerShare must be between 0 and 1, was -0.1",
                assertThrows(IllegalArgumentException.class, () -> d.withOpeners(5, 12, -0.1)).getMessage());
        assertEquals("markers[0] is blank",
                assertThrows(IllegalArgumentException.class, () -> d.withFixedRules(true, true, List.of("")))
                        .getMessage());
    }

    @Test
    void fitCopiesTheFixedRulesOfTheSettings() {
        ScrubRules rules = Scrubber.fit(List.of(), ScrubSettings.DEFAULTS.withFixedRules(false, true, List.of()))
                .rules();
        assertEquals(new ScrubRules(false, ScrubSettings.DEFAULT_AGENCIES, true, List.of(), List.of(), List.of()),
                rules);
    }
}
