package dev.slant.datasets.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The acceptance fixtures: one Reuters article ({@code /seeds/original.txt}, copied from shared/seeds) and its
 * two views as the project defines them, byte for byte.
 */
public final class Seeds {
    private Seeds() {
    }

    /** @return the article as the corpus holds it */
    public static String original() {
        return read("original.txt");
    }

    /** @return its normalized view, exactly */
    public static String normalizedView() {
        return read("000_aa26ec883282b1fd.txt");
    }

    /** @return its sentence view, one sentence per element */
    public static List<String> sentenceView() {
        return List.of(read("001_3c093d3a363d3241.txt").split("\n", -1));
    }

    private static String read(String name) {
        String resource = "/seeds/" + name;
        try (InputStream in = Seeds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test resource " + resource, e);
        }
    }
}
