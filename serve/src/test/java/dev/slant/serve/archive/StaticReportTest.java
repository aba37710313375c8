package dev.slant.serve.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's tally, charts and static report, without a browser (the page's browser test opens the report too). */
class StaticReportTest {
    static final String OUTLET = "<script>alert('x')</script> & Co";

    /** A scored file of n rows (seed 33): outlets, dates (some unreadable), stance and topic, some abstentions. */
    static Path scored(Path dir, int n, Map<String, Map<String, Long>> stanceByOutlet) throws Exception {
        Random random = new Random(33);
        String[] outlets = {"Example Daily", "The Sample Post", OUTLET};
        String[] stances = {"left", "center", "right", ""};
        String[] topics = {"elections", "immigration", "healthcare"};
        StringBuilder csv = new StringBuilder("id,title,outlet,date,stance,stance_probability,topic,topic_probability\n");
        for (int i = 0; i < n; i++) {
            String outlet = outlets[random.nextInt(outlets.length)];
            String stance = stances[random.nextInt(stances.length)];
            String date = i % 10 == 0 ? "9/6/17" : i % 10 == 1 ? "0001-11-30" : "2020-0" + (1 + random.nextInt(9)) + "-15";
            csv.append("a").append(i).append(",\"Title ").append(i).append("\",\"").append(outlet.replace("\"", "\"\""))
                    .append("\",").append(date).append(',').append(stance).append(',').append(stance.isEmpty() ? "" : "0.5")
                    .append(',').append(stance.isEmpty() ? "" : topics[random.nextInt(3)]).append(',').append(stance.isEmpty() ? "" : "0.7")
                    .append('\n');
            stanceByOutlet.computeIfAbsent(outlet, k -> new LinkedHashMap<>())
                    .merge(stance.isEmpty() ? ArchiveTally.ABSTAINED : stance, 1L, Long::sum);
        }
        Path file = dir.resolve("scored.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    @Test
    void theReportHoldsEveryChartItsNumbersAndNoMarkupFromTheFile(@TempDir Path dir) throws Exception {
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        Path file = scored(dir, 300, expected);
        StaticReport.Summary summary = StaticReport.write(file, dir.resolve("out"), ScoredFile.Columns.DEFAULT, Map.of());
        assertEquals(300, summary.articles());
        // stance and topic, each by all, outlet, month and the other target.
        assertEquals(8, summary.charts());
        assertEquals(2 + 8, summary.files().size());
        String html = Files.readString(dir.resolve("out").resolve(StaticReport.INDEX));
        assertFalse(html.contains("<script"), "no script, and the outlet's markup is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
        Matcher style = Pattern.compile("(?s)<style>(.*)</style>").matcher(html);
        assertTrue(style.find());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'sha256-" + hash + "'"), "the one style sheet, allowed by its hash");

        JsonNode report = new ObjectMapper().readTree(dir.resolve("out").resolve(StaticReport.JSON).toFile());
        JsonNode byOutlet = null;
        for (JsonNode c : report.get("charts")) {
            if (c.get("target").textValue().equals("stance") && c.get("dimension").textValue().equals("outlet")) {
                byOutlet = c;
            }
        }
        Map<String, Map<String, Long>> shown = new LinkedHashMap<>();
        for (JsonNode g : byOutlet.get("groups")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int c = 0; c < byOutlet.get("categories").size(); c++) {
                counts.put(byOutlet.get("categories").get(c).get("key").textValue(), g.get("counts").get(c).longValue());
            }
            counts.values().removeIf(v -> v == 0);
            shown.put(g.get("name").textValue(), counts);
        }
        assertEquals(expected.keySet(), shown.keySet());
        expected.forEach((outlet, counts) -> assertEquals(counts, shown.get(outlet), outlet));
        // Stance's labels read left to right, abstentions last, even without the model.
        List<String> keys = new ArrayList<>();
        byOutlet.get("categories").forEach(c -> keys.add(c.get("key").textValue()));
        assertEquals(List.of("left", "center", "right", ArchiveTally.ABSTAINED), keys);
        String svg = Files.readString(dir.resolve("out").resolve("stance-by-outlet.svg"));
        assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertFalse(svg.contains("<script"));
    }

    @Test
    void monthsAreReadFromIsoAndAmericanDatesOnly() {
        assertEquals("2019-03", ArchiveTally.month("2019-03-12"));
        assertEquals("2019-03", ArchiveTally.month("2019-3"));
        assertEquals("2019-03", ArchiveTally.month("2019-03-12T10:00:00Z"));
        assertEquals("2017-09", ArchiveTally.month("9/6/17"));
        assertEquals("1998-12", ArchiveTally.month("12/1/98"));
        assertEquals("2020-01", ArchiveTally.month("1/31/2020"));
        assertNull(ArchiveTally.month("0001-11-30"));
        assertNull(ArchiveTally.month("2019-13-01"));
        assertNull(ArchiveTally.month("yesterday"));
        assertNull(ArchiveTally.month(""));
    }

    @Test
    void aTallyKeepsAtMostItsGroupsWhateverTheFile() {
        ArchiveTally tally = new ArchiveTally(List.of("stance"), Map.of(), true, false);
        int outlets = ArchiveTally.MAX_GROUPS + 500;
        for (int i = 0; i < outlets; i++) {
            tally.add(new ScoredRow(i + 1, "a" + i, "", "outlet " + i, "", java.util.Arrays.asList("left"), new double[] {0.9}));
        }
        ArchiveTally.Shares all = tally.shares("stance", ArchiveTally.OUTLET, Integer.MAX_VALUE, 8);
        assertEquals(ArchiveTally.MAX_GROUPS + 1, all.groupCount(), "the first groups, then one for the rest");
        assertEquals(500, all.groups().stream().filter(g -> g.name().equals(ArchiveTally.OTHER)).findFirst().orElseThrow().total());
        assertEquals(outlets, all.groups().stream().mapToLong(ArchiveTally.Group::total).sum(), "every row counted");
    }
}
