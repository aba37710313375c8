package dev.slant.datasets.io;

import dev.slant.datasets.LabelledArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * What every article reader shares: the iterator over accepted articles, the {@link ReadMode} rules, the
 * {@link ReadReport} and the hand-over of rejected records to the {@link RejectSink}. A subclass parses records
 * one at a time and hands each to {@link #assemble}, {@link #rejected} or {@link #rejectedAndEnd}.
 */
abstract class StreamingArticleReader implements ArticleReader {
    private final TextInput input;
    private final ReadOptions options;
    private final ArticleAssembler assembler;
    private final ReadReport report = new ReadReport();
    private LabelledArticle pending;
    private boolean ended;

    StreamingArticleReader(TextInput input, ColumnMapping mapping, ReadOptions options) {
        this.input = Objects.requireNonNull(input, "input");
        this.options = Objects.requireNonNull(options, "options");
        this.assembler = new ArticleAssembler(Objects.requireNonNull(mapping, "mapping"));
    }

    /**
     * Reads the next record and hands it on (a blank line is no record: it is skipped without a hand-over).
     *
     * @return false at the end of the input, with nothing handed on
     * @throws IOException on I/O failure
     */
    abstract boolean readRecord() throws IOException;

    /** @return how messages name the input */
    final String fileName() {
        return input.name();
    }

    /**
     * Assembles a parsed record into an article and accepts or rejects it.
     *
     * @param fields       the record's fields
     * @param recordNumber its 1-based number
     * @param line         the line it starts on
     * @param rawFields    its fields as read, for the reject sink
     */
    final void assemble(ArticleAssembler.Fields fields, long recordNumber, long line, List<String> rawFields) {
        ArticleAssembler.Outcome outcome = assembler.assemble(fields, recordNumber);
        if (outcome.article() != null) {
            report.accept();
            pending = outcome.article();
        } else {
            rejected(outcome.problem(fileName(), recordNumber, line), rawFields, null);
        }
    }

    /**
     * Rejects a record: throws in strict mode, else counts it and hands it to the reject sink.
     *
     * @param problem   where and why
     * @param rawFields its fields as read
     * @param cause     the parser's error, or null
     */
    final void rejected(RecordProblem problem, List<String> rawFields, Throwable cause) {
        report.reject(problem.reason());
        if (options.mode() == ReadMode.STRICT) {
            throw new BadRecordException(problem, cause);
        }
        List<String> shown = new ArrayList<>(rawFields.size());
        rawFields.forEach(f -> shown.add(TextInput.displayable(f)));
        try {
            options.rejects().reject(problem, shown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejected record (" + problem.message() + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Rejects a record after which the input cannot be parsed any further, and fails the read in either mode: the
     * records after it can be neither read nor counted, so skipping it would lose an unknown number of them
     * silently. In lenient mode the record is counted and handed to the reject sink first.
     *
     * @param problem   where and why
     * @param rawFields its fields as far as read
     * @param cause     the parser's error
     * @return the exception for the caller to throw (in strict mode it is thrown here)
     */
    final BadRecordException rejectedAndEnd(RecordProblem problem, List<String> rawFields, Throwable cause) {
        ended = true;
        rejected(problem, rawFields, cause);
        return new BadRecordException(problem, cause);
    }

    @Override
    public final boolean hasNext() {
        while (pending == null && !ended) {
            try {
                if (!readRecord()) {
                    ended = true;
                }
            } catch (IOException e) {
                ended = true;
                throw new UncheckedIOException(fileName() + ": " + e.getMessage(), e);
            } finally {
                report.bytes(input.bytesRead());
            }
        }
        return pending != null;
    }

    @Override
    public final LabelledArticle next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more articles in " + fileName());
        }
        LabelledArticle article = pending;
        pending = null;
        return article;
    }

    @Override
    public final ReadReport report() {
        return report.snapshot();
    }

    /**
     * Closes the input (not the reject sink, which belongs to the caller).
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        ended = true;
        input.close();
    }
}
