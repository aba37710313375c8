package dev.slant.cli;

import dev.slant.datasets.corpus.ArticleBiasCorpus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --model FILE}, shared by every command that uses a bundle: when it is not given, the bundle named by
 * {@code $SLANT_MODEL}, else the one the quick start's {@code slant train} writes; the command says on stderr which it
 * took.
 */
public final class ModelOption {
    /** The environment variable that names the default model. */
    public static final String MODEL_ENV = "SLANT_MODEL";
    /** The quick start's bundle: where {@code slant train} writes article-bias on its default split. */
    public static final Path QUICK_START_MODEL = TrainCommand.defaultBundle(ArticleBiasCorpus.NAME, "media");

    /** Environment lookup, replaceable in tests. */
    static UnaryOperator<String> environment = System::getenv;

    @Option(names = "--model", paramLabel = "FILE",
            description = "The model bundle (default: $" + MODEL_ENV + ", else models/article-bias-media.slant, which "
                    + "the quick start's slant train writes).")
    Path model;

    /**
     * The bundle to use.
     *
     * @param cli the command line, for the usage error and the command's name
     * @param err where to say which bundle was chosen when none was given, or null to say nothing
     * @return the bundle
     * @throws CommandLine.ParameterException if none was given and neither default is there
     */
    Path resolve(CommandLine cli, PrintWriter err) {
        if (model != null) {
            return model;
        }
        String env = environment.apply(MODEL_ENV);
        String command = "slant " + cli.getCommandName();
        if (env != null && !env.isBlank()) {
            if (err != null) {
                err.printf("%s: model %s (from $%s)%n", command, env, MODEL_ENV);
            }
            return Path.of(env);
        }
        if (!Files.isRegularFile(QUICK_START_MODEL)) {
            throw new CommandLine.ParameterException(cli, "no model: give --model FILE or set $" + MODEL_ENV
                    + " (the quick start's " + QUICK_START_MODEL + ", which slant train writes, is not here)");
        }
        if (err != null) {
            err.printf("%s: model %s (the quick start's; --model or $%s choose another)%n", command,
                    QUICK_START_MODEL, MODEL_ENV);
        }
        return QUICK_START_MODEL;
    }
}
