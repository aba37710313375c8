package dev.slant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slant.inference.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slant serve}'s options: absurd limits are usage errors naming the option and its range (issue 33, item 9). */
class ServeCommandTest {
    @Test
    void limitsOutOfRangeAreUsageErrorsNamingTheOption(@TempDir Path dir) {
        // The bundle need not exist: options are checked before it is read.
        String model = dir.resolve("absent.slant").toString();
        for (List<String> bad : List.of(
                List.of("--threads", "1000", "--threads must be 1 to 128, got 1000"),
                List.of("--threads", "0", "--threads must be 1 to 128, got 0"),
                List.of("--max-body", "0", "--max-body must be 1 to 1073741824, got 0"),
                List.of("--max-body", "4000000000", "--max-body must be 1 to 1073741824, got 4000000000"),
                List.of("--max-batch", "1000000", "--max-batch must be 1 to 100000, got 1000000"),
                List.of("--max-queue", "-1", "--max-queue must be 0 to 100000, got -1"),
                List.of("--max-connections", "0", "--max-connections must be 1 to 100000, got 0"),
                List.of("--port", "70000", "--port must be 0 to 65535, got 70000"),
                List.of("--body-timeout", "5", "--body-timeout must be 100 to 600000, got 5"),
                List.of("--min-body-rate", "-3", "--min-body-rate must be 0 to 1073741824, got -3"))) {
            CliRun run = CliRun.of("serve", "--model", model, bad.get(0), bad.get(1));
            assertEquals(ExitCodes.USAGE, run.code(), run.err());
            assertTrue(run.err().contains(bad.get(2)), run.err());
        }
        // In range, the next problem is the missing bundle: bad data, not usage.
        CliRun run = CliRun.of("serve", "--model", model, "--threads", "128");
        assertEquals(ExitCodes.DATA, run.code(), run.err());
    }
}
