package org.oncogate.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Group commit of directory fsyncs (see {@link GroupCommit}): a writer that has renamed its file into
 * a directory returns once an fsync of that directory started after its rename has succeeded, shared
 * with every other rename into it meanwhile.
 */
final class DirectorySyncs {

    /** The fsync itself, replaceable in tests. */
    @FunctionalInterface
    interface Fsync {
        void force(Path dir) throws IOException;
    }

    /** Directories come and go with the time buckets; past this many, the map starts over (always safe). */
    private static final int MAX_GROUPS = 1024;

    private final ConcurrentMap<Path, GroupCommit> groups = new ConcurrentHashMap<>();
    private final Fsync fsync;

    DirectorySyncs(Fsync fsync) {
        this.fsync = fsync;
    }

    /** Returns once an fsync of {@code dir} that started after this call has succeeded. */
    void sync(Path dir) throws IOException {
        if (groups.size() > MAX_GROUPS) {
            groups.clear(); // a caller holding a forgotten group still completes through it
        }
        groups.computeIfAbsent(dir, d -> new GroupCommit(() -> fsync.force(d))).sync();
    }
}
