package dev.slant.cli;

import dev.slant.datasets.corpus.ArticleBiasCorpus;
import dev.slant.datasets.corpus.Corpora;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.io.ArticleFormat;
import dev.slant.datasets.io.ArticleReader;
import dev.slant.datasets.io.ArticleReaders;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.DataFormat;
import dev.slant.datasets.io.DistinctFiles;
import dev.slant.datasets.io.ReadOptions;
import dev.slant.datasets.io.TextInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Mixin: the articles a command reads without labels (scoring): a file or standard input with its columns, or a
 * named corpus; how bad records are treated; the longest record read.
 */
public final class ArticleInputOptions {
    /** What {@code --input} takes for standard input. */
    public static final String STDIN = "-";
    /** The text column when none is given and the header shows no layout Slant knows. */
    public static final String DEFAULT_TEXT_COLUMN = "text";
    /** The hint the readers' format messages end with. */
    static final String FORMAT_HINT = "give --input-format " + DataFormat.names(ArticleFormat.READ);

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    BadRecordOptions badRecords = new BadRecordOptions();

    @Option(names = "--input", paramLabel = "FILE",
            description = "The articles: a CSV, TSV or JSONL file (gzip too), or - for standard input.")
    String input;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "csv, tsv, tsv-unquoted or jsonl (default: from the input's extension; csv for standard input).")
    String inputFormat;

    @Option(names = "--corpus", paramLabel = "NAME",
            description = "Instead of --input, a corpus under the data folder: article-bias, isot or liar.")
    String corpus;

    @Option(names = "--id-column", paramLabel = "COLUMN", description = "Column of the article id (default: the record number).")
    String idColumn;

    @Option(names = "--title-column", paramLabel = "COLUMN", description = "Column of the title (default: none).")
    String titleColumn;

    @Option(names = "--text-column", paramLabel = "COLUMN",
            description = "Column of the body text (default: text). With no column option, article-bias's columns "
                    + "(ID, title, content_original, source, source_url) are used when the header has them.")
    String textColumn;

    @Option(names = "--meta", paramLabel = "KEY=COLUMN",
            description = "A metadata key and its column (outlet and host let scrubbing remove an outlet's own name); repeatable.")
    List<String> metadata = new ArrayList<>();

    @Option(names = "--max-article-bytes", paramLabel = "N",
            description = "The longest record read, in bytes; a longer one is rejected without being held in memory "
                    + "(default: 16 MiB; article-bias's longest article is 77 kB).")
    Integer maxArticleBytes;

    @Option(names = "--chunk-bytes", paramLabel = "N", hidden = true,
            description = "Bytes of input per chunk parsed on one thread (default: 1 MiB).")
    Integer chunkBytes;

    /** @return whether any column option was given */
    boolean columnsGiven() {
        return idColumn != null || titleColumn != null || textColumn != null || !metadata.isEmpty();
    }

    /**
     * @return true when the articles come with titles as far as the options tell: a named corpus maps its own
     *         columns, and a file needs {@code --title-column} (or the article-bias layout, told by its header)
     */
    public boolean mapsTitles() {
        return input == null || titleColumn != null || recognized;
    }

    private boolean recognized;

    /** @return the bad-record options */
    public BadRecordOptions badRecords() {
        return badRecords;
    }

    /** @return whether the input is standard input */
    public boolean standardInput() {
        return STDIN.equals(input);
    }

    /** @return the input file, or null for standard input or a corpus */
    public Path inputFile() {
        return input == null || standardInput() ? null : Path.of(input);
    }

    /**
     * Applies the size options to read options.
     *
     * @param options the bad-record options
     * @return with the longest record and the chunk size asked for
     * @throws IllegalArgumentException if a size is below 1
     */
    public ReadOptions sized(ReadOptions options) {
        ReadOptions o = options;
        if (maxArticleBytes != null) {
            if (maxArticleBytes < 1) {
                throw new IllegalArgumentException("--max-article-bytes must be 1 or more, got " + maxArticleBytes);
            }
            o = o.withMaxRecordBytes(maxArticleBytes);
        }
        if (chunkBytes != null) {
            if (chunkBytes < 1) {
                throw new IllegalArgumentException("--chunk-bytes must be 1 or more, got " + chunkBytes);
            }
            o = o.withChunkBytes(chunkBytes);
        }
        return o;
    }

    /**
     * The check that the command's files are distinct, started with the files these options read and write: the
     * input file (not standard input), the named corpus's folder, the rejects file.
     *
     * @return the check
     * @throws BadInputException if the named corpus's folder does not exist
     */
    public DistinctFiles distinctFiles() {
        DistinctFiles files = badRecords.distinctFiles();
        if (input != null && !standardInput()) {
            files.reads("--input", Path.of(input));
        } else if (corpus != null) {
            try {
                Corpora.open(corpus, data.root()).folder().ifPresent(dir -> files.readsFolder("--corpus", dir));
            } catch (NoSuchFileException e) {
                throw new BadInputException(e.getReason() == null ? e.getMessage() : e.getReason(), e);
            }
        }
        return files;
    }

    /**
     * @return these options as {@code slant score} arguments (the bad-record options but {@code --rejects}
     *         included), to run the same read in another process
     */
    public List<String> asArguments() {
        List<String> args = new ArrayList<>();
        add(args, "--input", input);
        add(args, "--input-format", inputFormat);
        add(args, "--corpus", corpus);
        add(args, "--id-column", idColumn);
        add(args, "--title-column", titleColumn);
        add(args, "--text-column", textColumn);
        metadata.forEach(m -> add(args, "--meta", m));
        add(args, "--max-article-bytes", maxArticleBytes == null ? null : maxArticleBytes.toString());
        add(args, "--chunk-bytes", chunkBytes == null ? null : chunkBytes.toString());
        add(args, "--data", data.data == null ? null : data.data.toString());
        if (badRecords.strict) {
            args.add("--strict");
        }
        return args;
    }

    private static void add(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }

    /**
     * Opens the articles these options name.
     *
     * @param options how to read
     * @param err     where a note on the columns used goes (null for none)
     * @return the reader; the caller closes it
     * @throws IOException               if the input cannot be read
     * @throws BadInputException         if it is missing or not text, or the named corpus is missing
     * @throws IllegalArgumentException  if the options conflict or a format cannot be told
     */
    public ArticleReader open(ReadOptions options, PrintWriter err) throws IOException {
        if (input == null) {
            if (corpus == null) {
                throw new IllegalArgumentException("give the articles to score: --input FILE (- for standard input) "
                        + "or --corpus NAME");
            }
            if (columnsGiven() || inputFormat != null) {
                throw new IllegalArgumentException("a corpus maps its own columns: give column options and "
                        + "--input-format with --input only");
            }
            Corpus named;
            try {
                named = Corpora.open(corpus, data.root());
            } catch (NoSuchFileException e) {
                throw new BadInputException(e.getReason() == null ? e.getMessage() : e.getReason(), e);
            }
            return named.open(options);
        }
        if (corpus != null) {
            throw new IllegalArgumentException("give --corpus or --input, not both");
        }
        ArticleFormat format = inputFormat != null ? ArticleFormat.parse(inputFormat)
                : standardInput() ? ArticleFormat.CSV
                : ArticleFormat.fromFileName(Path.of(input).getFileName().toString(), FORMAT_HINT);
        ColumnMapping given = ColumnMapping.builder().idColumn(idColumn).titleColumn(titleColumn)
                .textColumn(textColumn == null ? DEFAULT_TEXT_COLUMN : textColumn).build();
        ColumnMapping.Builder b = ColumnMapping.builder().idColumn(idColumn).titleColumn(titleColumn)
                .textColumn(given.textColumn());
        metadata.forEach(b::metadataSpec);
        ColumnMapping mapping = b.build();
        TextInput text = standardInput() ? TextInput.standardInput() : TextInput.open(Path.of(input));
        boolean known = !columnsGiven();
        return ArticleReaders.open(text, format, List.of(), columns -> {
            ColumnMapping layout = ArticleBiasCorpus.MAPPING.articleOnly();
            if (known && !columns.isEmpty() && columns.containsAll(layout.columns())) {
                recognized = true;
                if (err != null) {
                    err.printf(Locale.ROOT, "slant score: %s has article-bias's columns: id %s, title %s, text %s, "
                                    + "metadata %s%n", text.name(), layout.idColumn().orElse(""),
                            layout.titleColumn().orElse(""), layout.textColumn(), layout.metadataColumns());
                }
                return layout;
            }
            return mapping;
        }, options);
    }
}
