package dev.slant.cli;

import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.text.SentenceSplitter;
import dev.slant.datasets.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code slant text normalize|sentences}: one text view of the text on standard input (UTF-8), written to
 * standard output (UTF-8). A leading byte-order mark is not part of the text.
 */
@Command(name = "text",
        description = "Show a text view of the text on standard input.")
public final class TextCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the text comes from; standard input unless a test puts something else here. */
    InputStream in = System.in;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: normalize or sentences");
    }

    /** Writes the normalized view of standard input, exactly, with no newline added. */
    @Command(name = "normalize",
            description = "Write the normalized view of standard input: lower-case words, no punctuation, URLs, "
                    + "HTML tags, [bracketed] spans or words with digits; spaces are not collapsed.")
    void normalize() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(TextNormalizer.normalize(readInput()));
        out.flush();
    }

    /** Writes the sentence view of standard input, one sentence a line. */
    @Command(name = "sentences",
            description = "Write the sentences of standard input, one a line.")
    void sentences() {
        PrintWriter out = spec.commandLine().getOut();
        for (String sentence : new SentenceSplitter().split(readInput())) {
            out.print(sentence);
            out.print('\n');
        }
        out.flush();
    }

    /**
     * Reads all of the input as UTF-8.
     *
     * @throws BadInputException    if it is not valid UTF-8
     * @throws UncheckedIOException if it cannot be read
     */
    private String readInput() {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
        int skip = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            int offset = buffer.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadInputException("standard input is not valid UTF-8: bad byte sequence on line " + line
                    + " at byte offset " + offset, e);
        }
    }
}
