package dev.slant.datasets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The check, shared by every command that writes, that no file a command writes is one it reads or another it
 * writes: an output equal to the input would replace the input, a rejects file equal to the output would replace
 * it, and so on. Each file is named by the option that gives it; {@link #verify()} compares every file written
 * with every other file, by what they are on disk rather than by how they are spelled:
 * <ul>
 * <li>two existing files are the same when {@link Files#isSameFile} says so (the same device and inode on Unix:
 * through symbolic links, hard links, {@code ./} and {@code ..});</li>
 * <li>a file written that does not exist yet is compared by its real location (its folder's real path and its
 * name, after following a link it may be), so that two outputs spelled differently cannot collide;</li>
 * <li>a file written inside a folder read (a corpus's folder) and a file read inside a folder written (the
 * bench's work folders) collide too.</li>
 * </ul>
 * A file written that is not a regular file (a FIFO, a device such as /dev/null, /dev/stdout) is written through,
 * replaces nothing and is not compared; nor is {@code -} (standard input or output). Reads are not compared with
 * one another.
 */
public final class DistinctFiles {
    private enum Role {
        READ_FILE(false, false), READ_FOLDER(false, true), WRITE_FILE(true, false), WRITE_FOLDER(true, true);

        final boolean write;
        final boolean folder;

        Role(boolean write, boolean folder) {
            this.write = write;
            this.folder = folder;
        }
    }

    private record Entry(String option, Path given, Role role) {
    }

    /** An entry as it is on disk: its real location, and whether it exists. */
    private record Located(Entry entry, Path path, Path real, boolean exists) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** An empty check: add the command's files, then {@link #verify()}. */
    public DistinctFiles() {
    }

    /**
     * @param option the option that names it, such as {@code --input}
     * @param file   a file the command reads; null or {@code -} for none
     * @return this
     */
    public DistinctFiles reads(String option, Path file) {
        return add(option, file, Role.READ_FILE);
    }

    /**
     * @param option the option that names it, such as {@code --corpus}
     * @param folder a folder the command reads files of: nothing may be written inside it; null for none
     * @return this
     */
    public DistinctFiles readsFolder(String option, Path folder) {
        return add(option, folder, Role.READ_FOLDER);
    }

    /**
     * @param option the option that names it, such as {@code --output}
     * @param file   a file the command writes; null or {@code -} for none
     * @return this
     */
    public DistinctFiles writes(String option, Path file) {
        return add(option, file, Role.WRITE_FILE);
    }

    /**
     * @param option the option that names it, such as {@code --work}
     * @param folder a folder the command writes files into (of names it chooses): nothing it reads may be there;
     *               null for none
     * @return this
     */
    public DistinctFiles writesFolder(String option, Path folder) {
        return add(option, folder, Role.WRITE_FOLDER);
    }

    private DistinctFiles add(String option, Path path, Role role) {
        if (path != null && !path.toString().equals("-")) {
            entries.add(new Entry(option, path, role));
        }
        return this;
    }

    /**
     * Compares every file written with every other file.
     *
     * @throws SameFileException naming both options and the file, for the first two that collide
     */
    public void verify() {
        List<Located> located = new ArrayList<>();
        for (Entry e : entries) {
            Located l = locate(e);
            if (l != null) {
                located.add(l);
            }
        }
        for (int i = 0; i < located.size(); i++) {
            for (int j = i + 1; j < located.size(); j++) {
                Located a = located.get(i);
                Located b = located.get(j);
                if (a.entry.role.write || b.entry.role.write) {
                    String clash = clash(a.entry.role.write ? a : b, a.entry.role.write ? b : a);
                    if (clash != null) {
                        throw new SameFileException(clash);
                    }
                }
            }
        }
    }

    /** Why writing {@code w} would replace or write into {@code o}, or null if it would not. */
    private static String clash(Located w, Located o) {
        Role wr = w.entry.role;
        Role or = o.entry.role;
        if (!wr.folder && !or.folder) {
            return same(w, o) ? sameFile(w.entry, o.entry) : null;
        }
        if (wr.folder && or.folder) {
            if (or.write) {
                return null;
            }
            boolean overlap = w.real.startsWith(o.real) || o.real.startsWith(w.real);
            return overlap ? w.entry.option + " " + w.entry.given + " and " + o.entry.option + " " + o.entry.given
                    + " overlap: " + w.entry.option + " would write into the folder " + o.entry.option + " reads" : null;
        }
        Located file = wr.folder ? o : w;
        Located folder = wr.folder ? w : o;
        if (!file.real.startsWith(folder.real)) {
            return null;
        }
        return file.entry.option + " " + file.entry.given + " is inside the folder " + folder.real + " that "
                + folder.entry.option + (folder.entry.role.write ? " writes into" : " reads")
                + ": give " + w.entry.option + " a path outside it";
    }

    private static boolean same(Located a, Located b) {
        if (a.exists && b.exists) {
            try {
                return Files.isSameFile(a.path, b.path);
            } catch (IOException e) {
                // Cannot tell by identity: by location below.
            }
        }
        return a.real.equals(b.real);
    }

    private static String sameFile(Entry w, Entry o) {
        String what = w.given.equals(o.given) ? w.option + " and " + o.option + " are the same file: " + w.given
                : w.option + " " + w.given + " and " + o.option + " " + o.given + " are the same file";
        return what + (o.role.write ? " (one would replace the other)" : " (" + w.option + " would replace it)");
    }

    /** Where an entry is on disk; null for one that replaces nothing (written through) or cannot be examined. */
    private static Located locate(Entry e) {
        Path path = e.given;
        if (e.role == Role.WRITE_FILE) {
            OutputTarget target;
            try {
                target = OutputTarget.of(e.given);
            } catch (CannotWriteException x) {
                return null; // a folder or a loop of links: the write fails on its own, naming the output
            }
            if (target.kind() == OutputTarget.Kind.WRITTEN_THROUGH) {
                return null;
            }
            path = target.file();
        }
        BasicFileAttributes a = attributes(path);
        if (a != null && !a.isRegularFile() && !a.isDirectory()) {
            return null; // a FIFO, a device: nothing to replace
        }
        return new Located(e, path, real(path), a != null);
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The real path of a file, or of its deepest existing folder with the rest of the names after it. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            return parent == null ? abs.normalize() : real(parent).resolve(abs.getFileName());
        }
    }
}
