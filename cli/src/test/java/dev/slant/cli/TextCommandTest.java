package dev.slant.cli;

import dev.slant.datasets.io.BadInputException;
import dev.slant.datasets.text.Seeds;
import dev.slant.inference.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextCommandTest {

    /** One run of {@code text ...} on the given standard input. */
    private static final class Run {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final StringWriter err = new StringWriter();
        Exception failure;
        final int exitCode;

        Run(byte[] stdin, String... args) {
            CommandLine cli = SlantCli.commandLine(new PrintWriter(new OutputStreamWriter(out, UTF_8), true),
                    new PrintWriter(err, true));
            TextCommand command = cli.getSubcommands().get("text").getCommand();
            command.in = new ByteArrayInputStream(stdin);
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
                failure = e;
                return ExitCodes.DATA;
            });
            String[] all = new String[args.length + 1];
            all[0] = "text";
            System.arraycopy(args, 0, all, 1, args.length);
            exitCode = cli.execute(all);
        }

        String stdout() {
            return out.toString(UTF_8);
        }
    }

    @Test
    void normalizeWritesTheSeedNormalizedViewByteForByte() {
        Run run = new Run(Seeds.original().getBytes(UTF_8), "normalize");
        assertEquals(0, run.exitCode, run.err::toString);
        assertArrayEquals(Seeds.normalizedView().getBytes(UTF_8), run.out.toByteArray());
    }

    @Test
    void sentencesWritesTheSeedSentenceViewOneSentenceALine() {
        Run run = new Run(Seeds.original().getBytes(UTF_8), "sentences");
        assertEquals(0, run.exitCode, run.err::toString);
        StringBuilder expected = new StringBuilder();
        for (String sentence : Seeds.sentenceView()) {
            expected.append(sentence).append('\n');
        }
        assertArrayEquals(expected.toString().getBytes(UTF_8), run.out.toByteArray());
    }

    @Test
    void sentencesThatSpanLinesAreWrittenOnOneLine() {
        Run run = new Run("First line\nsame sentence. Second.\r\n\r\nThird".getBytes(UTF_8), "sentences");
        assertEquals("First line same sentence.\nSecond.\nThird\n", run.stdout());
    }

    @Test
    void emptyInputWritesNothing() {
        assertEquals("", new Run(new byte[0], "normalize").stdout());
        assertEquals("", new Run(new byte[0], "sentences").stdout());
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheText() {
        byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'H', 'i', '.'};
        assertEquals("hi ", new Run(withBom, "normalize").stdout());
    }

    @Test
    void inputThatIsNotUtf8IsBadInputNamingWhereItBreaks() {
        byte[] latin1 = {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'};
        Run run = new Run(latin1, "normalize");
        assertEquals(ExitCodes.DATA, run.exitCode);
        BadInputException e = assertInstanceOf(BadInputException.class, run.failure);
        assertEquals("standard input is not valid UTF-8: bad byte sequence on line 2 at byte offset 6", e.getMessage());
        assertInstanceOf(java.nio.charset.CharacterCodingException.class, e.getCause());
        assertEquals("", run.stdout());
    }

    @Test
    void withoutASubcommandItIsAUsageError() {
        Run run = new Run(new byte[0]);
        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode);
        assertTrue(run.err.toString().startsWith("Missing subcommand: normalize or sentences"), run.err::toString);
    }

    @Test
    void eachSubcommandHasHelp() {
        Run run = new Run(new byte[0], "sentences", "--help");
        assertEquals(0, run.exitCode);
        assertTrue(run.stdout().startsWith("Usage: slant text sentences [-hV]"), run::stdout);
    }
}
