package dev.slant.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code slant} in a child JVM of this test's class path, for tests that kill it or look at its real stdout. */
final class ChildSlant {
    private ChildSlant() {
    }

    /**
     * @param prefix a command to run the JVM under (such as setpriv and its options), or empty
     * @param heap   the child's -Xmx
     * @param args   slant's arguments
     * @return the command line
     */
    static List<String> command(List<String> prefix, String heap, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SlantCli.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * @return whether this JVM runs as root (whose writes no folder's permissions stop)
     * @throws IOException if a probe file cannot be made
     */
    static boolean root() throws IOException {
        Path probe = Files.createTempFile("slant-uid", ".probe");
        try {
            return ((Number) Files.getAttribute(probe, "unix:uid")).intValue() == 0;
        } finally {
            Files.delete(probe);
        }
    }
}
