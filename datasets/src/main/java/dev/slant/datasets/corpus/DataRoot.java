package dev.slant.datasets.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the folder that holds the corpora: {@code --data DIR} if given, else the {@code SLANT_DATA} environment
 * variable, else {@code ../shared/datasets} beside the checkout (found from the {@code slant.home} system
 * property that {@code bin/slant} sets, or from the working directory and its parents, which is how tests
 * running in a module folder find it).
 */
public final class DataRoot {
    /** The environment variable naming the data root. */
    public static final String ENV = "SLANT_DATA";
    /** The system property naming the checkout, set by {@code bin/slant}. */
    public static final String HOME_PROPERTY = "slant.home";

    private DataRoot() {
    }

    /**
     * Resolves the data root.
     *
     * @param explicit the {@code --data} option, or null
     * @return the data root, which may not exist (the caller reports that)
     */
    public static Path resolve(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return besideCheckout().orElse(Paths.get("..", "shared", "datasets"));
    }

    /**
     * Looks for {@code ../shared/datasets} beside the checkout.
     *
     * @return the folder, if found
     */
    public static Optional<Path> besideCheckout() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Optional<Path> found = sharedBeside(Paths.get(home).toAbsolutePath());
            if (found.isPresent()) {
                return found;
            }
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Optional<Path> found = sharedBeside(dir);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> sharedBeside(Path dir) {
        Path parent = dir.getParent();
        if (parent == null) {
            return Optional.empty();
        }
        Path candidate = parent.resolve("shared").resolve("datasets");
        return Files.isDirectory(candidate) ? Optional.of(candidate.normalize()) : Optional.empty();
    }
}
