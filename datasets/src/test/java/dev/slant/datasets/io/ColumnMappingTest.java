package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slant.datasets.Article;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    private static void assertRejected(String message, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void buildsFromCommandLineStyleOptions() {
        ColumnMapping m = ColumnMapping.builder()
                .idColumn("ID").titleColumn(null).textColumn("content_original")
                .labelSpec("stance=bias_text").labelSpec("topic=topic")
                .metadataSpec("outlet=source").metadataSpec("url=a=b")
                .constantLabel("veracity", "true")
                .build();
        assertEquals(Optional.of("ID"), m.idColumn());
        assertEquals(Optional.empty(), m.titleColumn());
        assertEquals(List.of(LabelColumn.of("stance", "bias_text"), LabelColumn.of("topic", "topic")), m.labels());
        assertEquals(Map.of("outlet", "source", "url", "a=b"), m.metadataColumns(), "split at the first '='");
        assertEquals(List.of("stance", "topic", "veracity"), m.targets());
        assertEquals(List.of("ID", "content_original", "bias_text", "topic", "source", "a=b"), m.columns());
    }

    @Test
    void columnsAreListedOnce() {
        ColumnMapping m = ColumnMapping.builder().idColumn("x").titleColumn("x").textColumn("x")
                .label("a", "x").metadata(Article.URL, "x").build();
        assertEquals(List.of("x"), m.columns());
    }

    @Test
    void withConstantLabelAddsATarget() {
        ColumnMapping m = ColumnMapping.builder().textColumn("text").build();
        assertEquals(Map.of("veracity", "fake"), m.withConstantLabel("veracity", "fake").constantLabels());
        assertRejected("target 'veracity' is mapped twice",
                () -> m.withConstantLabel("veracity", "fake").withConstantLabel("veracity", "true"));
    }

    @Test
    void validatesInItsConstructor() {
        assertRejected("no text column given", () -> ColumnMapping.builder().idColumn("id").build());
        assertRejected("blank text column", () -> ColumnMapping.builder().textColumn(" ").build());
        assertRejected("blank id column", () -> ColumnMapping.builder().idColumn("").textColumn("t").build());
        assertRejected("target 'stance' is mapped twice", () -> ColumnMapping.builder().textColumn("t")
                .label("stance", "a").label("stance", "b").build());
        assertRejected("target 'stance' is mapped twice (a column and a constant label)", () -> ColumnMapping
                .builder().textColumn("t").label("stance", "a").constantLabel("stance", "left").build());
        assertRejected("target 'veracity': constant label ' true' is blank or has spaces around it",
                () -> ColumnMapping.builder().textColumn("t").constantLabel("veracity", " true").build());
        assertRejected("blank metadata key", () -> ColumnMapping.builder().textColumn("t").metadata(" ", "c").build());
        assertRejected("bad label 'stance': expected TARGET=COLUMN, for example stance=bias_text",
                () -> ColumnMapping.builder().labelSpec("stance"));
        assertRejected("bad label '=col': expected TARGET=COLUMN, for example stance=bias_text",
                () -> LabelColumn.parse("=col"));
        assertRejected("bad metadata 'outlet= ': expected KEY=COLUMN, for example outlet=source",
                () -> ColumnMapping.builder().metadataSpec("outlet= "));
    }

    @Test
    void labelColumnValidation() {
        LabelColumn stance = LabelColumn.of("stance", "bias").withAllowed("left", "center", "right");
        assertEquals(Set.of("left", "center", "right"), stance.allowed());
        assertEquals(List.of("left", "center", "right"), List.copyOf(stance.allowed()), "kept in order");
        assertRejected("target 'stance': the value map maps '3' to 'far-right', which is not an allowed label"
                + " (left, center, right)", () -> stance.withValueMap(Map.of("3", "far-right")));
        assertRejected("target 'stance': allowed label ' left' has spaces around it (labels are trimmed when read)",
                () -> stance.withAllowed(" left"));
        assertRejected("target 'stance': blank value-map key", () -> stance.withValueMap(Map.of("", "left")));
        assertRejected("target 'subjects': the label separator is empty",
                () -> LabelColumn.of("subjects", "subjects").withSeparator(""));
        assertRejected("blank target name", () -> LabelColumn.of(" ", "c"));
        assertEquals(Optional.of(","), LabelColumn.of("s", "s").withSeparator(",").separator());
    }
}
