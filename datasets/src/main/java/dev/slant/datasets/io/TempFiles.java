package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of the outputs being written, named {@code .NAME.PID-N.part} beside their target:
 * <ul>
 * <li>each is created new (never reusing a file), and locked (an exclusive advisory lock, released by the
 * operating system when the process ends, however it ends) for as long as it is written;</li>
 * <li>those still being written when the JVM shuts down (SIGTERM, SIGINT, {@code System.exit}) are deleted by a
 * shutdown hook; after that, no new one is created. SIGKILL runs no hook: such files stay until cleaned;</li>
 * <li>before a target is written, its stale ones are deleted: those whose PID is not this process's, is not a
 * live process on this host, and whose lock no process holds. A PID reused by another process since keeps a
 * stale file (never the reverse); the lock protects a run on another host writing the same target in a shared
 * folder, where the PID means nothing.</li>
 * </ul>
 */
final class TempFiles {
    /** This process's id, part of every temporary file's name. */
    static final long PID = ProcessHandle.current().pid();

    private static final int MAX_NAME_TRIES = 100;
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Object LOCK = new Object();
    private static final Set<Path> IN_FLIGHT = new HashSet<>();
    private static boolean hooked;
    private static boolean stopping;

    private TempFiles() {
    }

    /**
     * A temporary file created, locked and registered for deletion on shutdown.
     *
     * @param path    the file
     * @param channel open for writing
     */
    record Created(Path path, FileChannel channel) {
    }

    /**
     * Creates a new temporary file beside a target.
     *
     * @param target the file it will replace (absolute, links followed)
     * @return the file, open for writing
     * @throws IOException if it cannot be created, or the JVM is shutting down
     */
    static Created create(Path target) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + "." + PID + "-";
        Path path = null;
        FileChannel channel = null;
        synchronized (LOCK) {
            if (stopping) {
                throw new IOException("the program is stopping");
            }
            if (!hooked) {
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteInFlight, "slant-temp-files"));
                } catch (IllegalStateException e) {
                    throw new IOException("the program is stopping", e);
                }
                hooked = true;
            }
            for (int attempt = 0; channel == null; attempt++) {
                path = dir.resolve(prefix + COUNTER.incrementAndGet() + AtomicOutput.TEMP_SUFFIX);
                try {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= MAX_NAME_TRIES) {
                        throw e;
                    }
                }
            }
            IN_FLIGHT.add(path);
        }
        try {
            channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // A file system without locks: the file is still deleted on shutdown; only its staleness is less sure.
        }
        return new Created(path, channel);
    }

    /**
     * Forgets a temporary file that was renamed into place or deleted.
     *
     * @param path the file
     */
    static void finished(Path path) {
        synchronized (LOCK) {
            IN_FLIGHT.remove(path);
        }
    }

    /** The shutdown hook: deletes every temporary file still being written; no new one is created after. */
    private static void deleteInFlight() {
        List<Path> left;
        synchronized (LOCK) {
            stopping = true;
            left = new ArrayList<>(IN_FLIGHT);
        }
        for (Path p : left) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Shutting down: nothing else can be done; the next run cleans it as stale.
            }
        }
    }

    /**
     * Deletes a target's stale temporary files (see the class comment); best effort, never fails.
     *
     * @param target the file about to be written (absolute, links followed)
     */
    static void cleanStale(Path target) {
        String head = "." + target.getFileName() + ".";
        Pattern name = Pattern.compile(Pattern.quote(head) + "(\\d{1,18})-\\d{1,19}" + Pattern.quote(AtomicOutput.TEMP_SUFFIX));
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(head))) {
            for (Path candidate : s) {
                Matcher m = name.matcher(candidate.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
                    deleteIfUnlocked(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning is a courtesy: a folder that cannot be listed does not stop the write.
        }
    }

    /** Whether a PID is this process or a live process on this host. */
    private static boolean alive(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes a regular file (never through a link) if no process holds its lock. */
    private static void deleteIfUnlocked(Path candidate) {
        if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(candidate, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                Files.deleteIfExists(candidate);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // Not ours to delete (another user's), or in use by this JVM: left alone.
        }
    }
}
