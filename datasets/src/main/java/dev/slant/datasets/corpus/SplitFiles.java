package dev.slant.datasets.corpus;

import dev.slant.datasets.split.Part;
import dev.slant.datasets.split.Split;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a published split laid out as {@code DIR/{train,valid,test}.tsv}, each file a header line then one
 * {@code ID<TAB>...} line per article (further columns ignored).
 */
final class SplitFiles {
    private SplitFiles() {
    }

    /**
     * @param name the split's name
     * @param dir  its folder
     * @return the split
     * @throws IOException if a part file is missing, or an id is empty or in two parts, naming file and line
     */
    static Split read(String name, Path dir) throws IOException {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            Path file = dir.resolve(part.label() + ".tsv");
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": split '" + name + "' has no " + part.label() + " part file");
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                long lineNo = 1;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    String id = (tab < 0 ? line : line.substring(0, tab)).strip();
                    if (id.isEmpty()) {
                        throw new IOException(file + ": line " + lineNo + ": empty article id");
                    }
                    Part before = parts.putIfAbsent(id, part);
                    if (before != null) {
                        throw new IOException(file + ": line " + lineNo + ": article '" + id + "' is already in the "
                                + before.label() + " part");
                    }
                }
            }
        }
        return new Split(name, parts);
    }
}
