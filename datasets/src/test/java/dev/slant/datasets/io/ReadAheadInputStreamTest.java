package dev.slant.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static byte[] readAll(InputStream in, int step) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[step];
        for (int n; (n = in.read(buf, 0, step)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** A source that gives its bytes, then fails. */
    private static InputStream failingAfter(byte[] data, Exception failure) {
        return new InputStream() {
            private int i;

            @Override
            public int read() throws IOException {
                if (i < data.length) {
                    return data[i++] & 0xff;
                }
                if (failure instanceof IOException e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }
        };
    }

    @Test
    void givesEveryByteInOrderWhateverTheSizes() throws IOException {
        for (int n : new int[] {0, 1, 99, 100, 101, 1000, 12_345}) {
            byte[] data = bytes(n);
            for (int step : new int[] {1, 7, 100, 4096}) {
                try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 100, 2, "test")) {
                    assertArrayEquals(data, readAll(in, step), n + " bytes read " + step + " at a time");
                    assertEquals(-1, in.read(), "the end stays the end");
                }
            }
        }
        byte[] two = {(byte) 200, 7};
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(two), 1, 1, "t")) {
            assertEquals(200, in.read());
            assertEquals(7, in.read());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void throwsTheSourcesFailureAfterTheBytesBeforeIt() throws IOException {
        byte[] data = bytes(250);
        IOException failure = new java.io.EOFException("cut short");
        try (InputStream in = new ReadAheadInputStream(failingAfter(data, failure), 100, 2, "test")) {
            byte[] first = new byte[200];
            assertEquals(200, in.readNBytes(first, 0, 200));
            assertArrayEquals(java.util.Arrays.copyOf(data, 200), first);
            assertSame(failure, assertThrows(IOException.class, () -> readAll(in, 64)));
            assertSame(failure, assertThrows(IOException.class, in::read), "and again on every later read");
        }
        IllegalStateException bug = new IllegalStateException("a bug in the source");
        try (InputStream in = new ReadAheadInputStream(failingAfter(data, bug), 100, 2, "test")) {
            assertSame(bug, assertThrows(IllegalStateException.class, () -> readAll(in, 64)));
        }
    }

    @Test
    void closingStopsTheThreadAndClosesTheSource() throws IOException {
        AtomicBoolean sourceClosed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public void close() {
                sourceClosed.set(true);
            }
        };
        InputStream in = new ReadAheadInputStream(endless, 1000, 2, "endless read-ahead");
        assertEquals(1, in.read());
        in.close();
        assertTrue(sourceClosed.get());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("endless read-ahead")), "the thread has ended");
        assertThrows(IOException.class, in::read);
        in.close();
    }
}
