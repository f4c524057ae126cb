package org.oncogate.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Crash-safe whole-file writes: after {@link #write} returns, the new content survives a crash,
 * and at no instant can a reader (or a restart) see a torn file at the target name: it sees the
 * old complete content or the new complete content. Files are created owner-only where POSIX
 * permissions exist.
 */
public final class DurableFiles {

    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Bytes a temp file's name adds to its target's ({@code .<name>.<uuid>.tmp}): targets must leave room for them. */
    public static final int TEMP_NAME_OVERHEAD = TEMP_PREFIX.length() + 1 + 36 + TEMP_SUFFIX.length();
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    /** Concurrent renames into one directory share its fsync (group commit). */
    private static final DirectorySyncs RENAMES = new DirectorySyncs(DurableFiles::fsyncDirectory);

    private DurableFiles() {
    }

    /**
     * Temp file in the target's directory, fsync, atomic rename over the target, fsync the directory
     * (one fsync for all renames into that directory finished before it started).
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        publish(writeTemp(target, bytes), target);
    }

    /** Like {@link #write}, with the file's modification time set before it appears under its name. */
    public static void write(Path target, byte[] bytes, Instant modified) throws IOException {
        Path temp = writeTemp(target, bytes);
        try {
            Files.setLastModifiedTime(temp, FileTime.from(modified));
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        publish(temp, target);
    }

    /** Like {@link Files#createDirectories}, but each directory it creates is made durable in its parent. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return;
        }
        if (parent != null) {
            fsyncDirectory(parent);
        }
    }

    /** Deletes every temp file left by an interrupted write under {@code dir}. Only safe while nothing writes there. */
    /**
     * Every regular file under {@code dir}, at any depth, without following links. Files that vanish
     * while the tree is walked (a writer renamed its temp file) are skipped, not an error: writers
     * keep working while the purge walks.
     */
    public static List<Path> regularFilesUnder(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return found;
    }

    public static int deleteStaleTemps(Path dir) throws IOException {
        return deleteStaleTemps(dir, Instant.MAX);
    }

    /** Deletes temp files under {@code dir} (any depth) last modified at or before {@code modifiedAtOrBefore}. */
    public static int deleteStaleTemps(Path dir, Instant modifiedAtOrBefore) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> temps = regularFilesUnder(dir).stream().filter(DurableFiles::isTemp).toList();
        int deleted = 0;
        for (Path temp : temps) {
            try {
                if (!Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(modifiedAtOrBefore)
                        && Files.deleteIfExists(temp)) {
                    deleted++;
                }
            } catch (NoSuchFileException e) {
                // finished or removed meanwhile
            }
        }
        return deleted;
    }

    static boolean isTemp(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)
                && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** First half of {@link #write}: the complete, fsync'd temp file; the target is untouched. */
    static Path writeTemp(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, openOptions(), ownerOnly(dir))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Second half of {@link #write}: atomically replaces the target and makes the rename durable. */
    static void publish(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        RENAMES.sync(target.toAbsolutePath().getParent());
    }

    /** Makes created, renamed and deleted entries of {@code dir} durable. */
    public static void fsyncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return; // Windows cannot open a directory as a channel; NTFS journals renames itself
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static Set<StandardOpenOption> openOptions() {
        return EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Owner-only permissions for a file created in {@code dir}, where the file system has POSIX permissions. */
    static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
