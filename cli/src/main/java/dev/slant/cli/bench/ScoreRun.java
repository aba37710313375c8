package dev.slant.cli.bench;

import dev.slant.cli.SlantCli;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@code slant bench scoring}: runs one {@code slant score} command line as the {@code slant}
 * program would, then writes the peak heap it used ({@link HeapPeaks}) to a file, so that the bench times the whole
 * process, JVM start included, and still knows its heap.
 */
public final class ScoreRun {
    private ScoreRun() {
    }

    /**
     * @param args the file for the peak heap in bytes, then the arguments of {@code slant} ({@code score ...})
     * @throws IOException if the peak cannot be written
     */
    public static void main(String[] args) throws IOException {
        HeapPeaks.reset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        String[] slant = java.util.Arrays.copyOfRange(args, 1, args.length);
        int code = SlantCli.run(out, err, slant);
        Files.writeString(Path.of(args[0]), Long.toString(HeapPeaks.peakBytes()));
        System.exit(code);
    }
}
