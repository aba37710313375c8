package dev.slant.cli;

import dev.slant.datasets.corpus.Corpora;
import dev.slant.datasets.corpus.Corpus;
import dev.slant.datasets.corpus.FileCorpus;
import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.io.ColumnMapping;
import dev.slant.datasets.io.DistinctFiles;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Mixin: which labelled data a command reads, a named corpus ({@code --corpus}, under {@code --data}) or any
 * file ({@code --input} with a column mapping), and how bad records are treated.
 */
public final class CorpusOptions {
    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    BadRecordOptions badRecords = new BadRecordOptions();

    @Option(names = "--corpus", paramLabel = "NAME",
            description = "A corpus under the data folder: article-bias, isot or liar (default: article-bias unless --input is given).")
    String corpus;

    @Option(names = "--input", paramLabel = "FILE", description = "A labelled CSV, TSV or JSONL file (gzip too) instead of a corpus.")
    Path input;

    @Option(names = "--id-column", paramLabel = "COLUMN", description = "Column of the article id (default: the record number).")
    String idColumn;

    @Option(names = "--title-column", paramLabel = "COLUMN", description = "Column of the title (default: none).")
    String titleColumn;

    @Option(names = "--text-column", paramLabel = "COLUMN", defaultValue = "text",
            description = "Column of the body text (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--label", paramLabel = "TARGET=COLUMN", description = "A target and the column of its labels; repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--meta", paramLabel = "KEY=COLUMN",
            description = "A metadata key (outlet, host, url, date, ...) and its column; repeatable.")
    List<String> metadata = new ArrayList<>();

    /**
     * @return true when the articles come with titles as far as the options tell: a named corpus maps its own
     *         columns, and a file needs {@code --title-column}
     */
    public boolean mapsTitles() {
        return input == null || titleColumn != null;
    }

    /**
     * @return the corpus these options name
     * @throws BadInputException if the named corpus's folder does not exist
     * @throws picocli.CommandLine.ParameterException-like IllegalArgumentException if the options conflict
     */
    public Corpus corpus() {
        if (input != null) {
            if (corpus != null) {
                throw new IllegalArgumentException("give --corpus or --input, not both");
            }
            ColumnMapping.Builder b = ColumnMapping.builder().idColumn(idColumn).titleColumn(titleColumn).textColumn(textColumn);
            labels.forEach(b::labelSpec);
            metadata.forEach(b::metadataSpec);
            return new FileCorpus(input, b.build());
        }
        try {
            return Corpora.open(corpus == null ? Corpora.DEFAULT : corpus, data.root());
        } catch (NoSuchFileException e) {
            throw new BadInputException(e.getReason() == null ? e.getMessage() : e.getReason(), e);
        }
    }

    /**
     * Reads the whole corpus these options name, following the bad-record options (a rejects file is kept only
     * when the read succeeds).
     *
     * @param corpus the corpus, from {@link #corpus()}
     * @return the loaded corpus
     * @throws java.io.IOException if a file cannot be read or the rejects file written
     * @throws dev.slant.datasets.io.BadRecordException on a bad record with {@code --strict}
     */
    public dev.slant.datasets.corpus.LoadedCorpus load(Corpus corpus) throws java.io.IOException {
        try (BadRecordOptions.Opened read = badRecords.open()) {
            dev.slant.datasets.corpus.LoadedCorpus loaded = dev.slant.datasets.corpus.LoadedCorpus.load(corpus, read.options());
            read.commit();
            return loaded;
        }
    }

    /**
     * The files these options read and write, for the check that a command's files are distinct: the input file
     * (or the named corpus's folder, read as {@code --corpus}) and the rejects file. A command adds its own
     * files and calls {@link DistinctFiles#verify()} before it reads or writes anything.
     *
     * @return the check, holding these options' files
     * @throws BadInputException if the named corpus's folder does not exist
     */
    public DistinctFiles distinctFiles() {
        DistinctFiles files = badRecords.distinctFiles();
        if (input != null) {
            files.reads("--input", input);
        } else {
            corpus().folder().ifPresent(dir -> files.readsFolder("--corpus", dir));
        }
        return files;
    }

    /** @return the bad-record options */
    public BadRecordOptions badRecords() {
        return badRecords;
    }
}
