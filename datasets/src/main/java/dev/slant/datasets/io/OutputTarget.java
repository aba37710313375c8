package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Where writing to an output path lands, and how:
 * <ul>
 * <li>a regular file, or a path where nothing is yet, is {@link Kind#REPLACED}: written whole to a temporary file
 * beside it and renamed over it;</li>
 * <li>a symbolic link is followed, link by link, to what it points to, which is then treated by these rules (so a
 * link to a regular file keeps the link, and the file it points to is replaced whole; a dangling link creates
 * the file it points to);</li>
 * <li>anything else that is not a folder (a FIFO, a device node such as /dev/null, a socket), and any path that
 * leads into /proc or /dev/fd (the process's own descriptors, such as /dev/stdout), is
 * {@link Kind#WRITTEN_THROUGH}: opened and written in place, never renamed over;</li>
 * <li>a folder is refused.</li>
 * </ul>
 *
 * @param given the path as the user gave it
 * @param file  the file written: for {@link Kind#REPLACED}, the absolute path of the file replaced (links
 *              followed); for {@link Kind#WRITTEN_THROUGH}, the given path
 * @param kind  how it is written
 */
record OutputTarget(Path given, Path file, Kind kind) {
    /** How an output is written. */
    enum Kind {
        /** Written to a temporary file beside it, then renamed over it: whole or not at all. */
        REPLACED,
        /** Opened and written in place (appending); what was written stays if the run fails. */
        WRITTEN_THROUGH
    }

    /** Links followed at most, as Linux does (ELOOP beyond). */
    static final int MAX_LINKS = 40;

    OutputTarget {
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param given an output path
     * @return where writing to it lands, and how
     * @throws CannotWriteException naming the output if it is a folder, a loop of links, or cannot be examined
     */
    static OutputTarget of(Path given) throws CannotWriteException {
        Path p = given.toAbsolutePath();
        try {
            for (int links = 0; links <= MAX_LINKS; links++) {
                if (ownDescriptors(p)) {
                    return new OutputTarget(given, given, Kind.WRITTEN_THROUGH);
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    return new OutputTarget(given, p, Kind.REPLACED);
                }
                if (a.isSymbolicLink()) {
                    p = p.getParent().resolve(Files.readSymbolicLink(p));
                } else if (a.isDirectory()) {
                    throw new CannotWriteException(given, "it is a folder", null);
                } else if (a.isRegularFile()) {
                    return new OutputTarget(given, p, Kind.REPLACED);
                } else {
                    return new OutputTarget(given, given, Kind.WRITTEN_THROUGH);
                }
            }
        } catch (IOException e) {
            throw CannotWriteException.of(given, e);
        }
        throw new CannotWriteException(given, "too many levels of symbolic links", null);
    }

    /** Whether a path is one of the process's descriptors (/proc/self/fd/1, /dev/fd/1, ...), or under /proc. */
    private static boolean ownDescriptors(Path p) {
        Path parent = p.getParent();
        if (parent == null) {
            return false;
        }
        Path real = parent;
        try {
            real = parent.toRealPath();
        } catch (IOException e) {
            // A missing folder: nothing of /proc's.
        }
        return isProc(p) || isProc(real);
    }

    private static boolean isProc(Path p) {
        return p.startsWith("/proc") || p.startsWith("/dev/fd");
    }
}
