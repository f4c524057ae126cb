package org.oncogate.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Group commit of directory fsyncs. A writer that has renamed its file into a directory must not
 * return before the directory is fsync'd; when several writers rename into the same directory at
 * once, one fsync started after all their renames makes every one of them durable. Each caller
 * takes a ticket after its rename; a leader reads the highest ticket issued before it starts the
 * fsync, and a successful fsync completes every ticket up to that one. Callers whose ticket came
 * later wait for, or lead, the next fsync. A failed fsync completes nothing: its leader throws and
 * the waiters try again themselves.
 */
final class DirectorySyncs {

    /** The fsync itself, replaceable in tests. */
    @FunctionalInterface
    interface Fsync {
        void force(Path dir) throws IOException;
    }

    /** Directories come and go with the time buckets; past this many, the map starts over (always safe). */
    private static final int MAX_GROUPS = 1024;

    private final ConcurrentMap<Path, Group> groups = new ConcurrentHashMap<>();
    private final Fsync fsync;

    DirectorySyncs(Fsync fsync) {
        this.fsync = fsync;
    }

    /** Returns once an fsync of {@code dir} that started after this call has succeeded. */
    void sync(Path dir) throws IOException {
        if (groups.size() > MAX_GROUPS) {
            groups.clear(); // a caller holding a forgotten group still completes through it
        }
        groups.computeIfAbsent(dir, Group::new).sync();
    }

    private final class Group {

        private final Path dir;
        private long issued;
        private long completed;
        private boolean leading;

        Group(Path dir) {
            this.dir = dir;
        }

        void sync() throws IOException {
            long covers;
            synchronized (this) {
                long ticket = ++issued;
                while (true) {
                    if (completed >= ticket) {
                        return;
                    }
                    if (!leading) {
                        leading = true;
                        covers = issued; // every ticket up to here was taken after its rename
                        break;
                    }
                    waitForLeader();
                }
            }
            boolean synced = false;
            try {
                fsync.force(dir);
                synced = true;
            } finally {
                synchronized (this) {
                    leading = false;
                    if (synced) {
                        completed = Math.max(completed, covers);
                    }
                    notifyAll();
                }
            }
        }

        private void waitForLeader() throws IOException {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the directory to be made durable", e);
            }
        }
    }
}
