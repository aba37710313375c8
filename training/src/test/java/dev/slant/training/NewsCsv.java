package dev.slant.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small labelled CSV for command tests ({@code id,title,text,stance,host}): 12 outlets, each leaning one way
 * and writing that side's words more often than the others. Seeded: the same arguments give the same file.
 */
public final class NewsCsv {
    private static final String[][] CUES = {{"climate", "justice", "workers"}, {"bipartisan", "compromise", "moderate"},
            {"tax", "border", "freedom"}};
    private static final String[] STANCES = {"left", "center", "right"};
    private static final String[] NEUTRAL = {"the", "senate", "vote", "bill", "said", "state", "policy", "house"};

    private NewsCsv() {
    }

    /**
     * @param articles how many articles
     * @param words    words per article
     * @param seed     the seed
     * @return the CSV's lines, header first
     */
    public static List<String> lines(int articles, int words, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("id,title,text,stance,host"));
        for (int i = 0; i < articles; i++) {
            int outlet = i % 12;
            int stance = outlet % 3;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(random.nextDouble() < 0.3 ? CUES[stance][random.nextInt(3)] : NEUTRAL[random.nextInt(NEUTRAL.length)]).append(' ');
            }
            lines.add("n" + i + ",Title " + i + "," + text.toString().strip() + "," + STANCES[stance] + ",www.outlet" + outlet + ".com");
        }
        return lines;
    }

    /**
     * @param file  where to write
     * @param lines the lines
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
