package dev.slant.cli.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a peer's program and measures it: wall time, and peak resident memory through {@code /usr/bin/time}
 * when that is installed. Standard output goes to a file; standard error to a log whose end a failure quotes.
 */
final class ExternalCommand {
    private static final Path TIME = Path.of("/usr/bin/time");

    private ExternalCommand() {
    }

    /**
     * What a run took.
     *
     * @param seconds   wall time
     * @param peakBytes peak resident set size, -1 if unknown
     */
    record Ran(double seconds, long peakBytes) {
    }

    /**
     * @param program a program name
     * @return its path on {@code PATH}, or null if it is not there
     */
    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param command a command
     * @return true if it runs and exits with 0 within a minute
     */
    static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs a command to completion.
     *
     * @param command the command
     * @param dir     its working folder (the logs go there too)
     * @param stdout  where its standard output goes
     * @param name    a short name for its log files and messages
     * @return its wall time and peak memory
     * @throws IOException          if it cannot start or exits with a non-zero status (the message quotes its stderr's end)
     * @throws InterruptedException if interrupted while waiting (the process is killed)
     */
    static Ran run(List<String> command, Path dir, Path stdout, String name) throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".stderr.log");
        Path rss = dir.resolve(name + ".maxrss");
        List<String> full = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            full.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(command);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(full).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IOException(name + " failed with exit status " + code + " (" + String.join(" ", command) + "): "
                    + tail(log));
        }
        long peak = -1;
        if (timed && Files.isRegularFile(rss)) {
            List<String> lines = Files.readAllLines(rss, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.strip().matches("\\d+")) {
                    peak = Long.parseLong(line.strip()) * 1024;
                }
            }
        }
        return new Ran(seconds, peak);
    }

    private static String tail(Path log) throws IOException {
        String s = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
        return s.isEmpty() ? "(nothing on stderr)" : s.length() > 800 ? "..." + s.substring(s.length() - 800) : s;
    }
}
