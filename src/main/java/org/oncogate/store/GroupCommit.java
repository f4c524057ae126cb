package org.oncogate.store;

import java.io.IOException;

/**
 * Group commit of one fsync target (a directory, a journal segment). A writer that has changed the
 * target must not return before an fsync started after its change has succeeded; when several
 * writers change it at once, one such fsync makes every one of them durable. Each caller takes a
 * ticket after its change; a leader reads the highest ticket issued before it starts the fsync, and a
 * successful fsync completes every ticket up to that one. Callers whose ticket came later wait for,
 * or lead, the next fsync. A failed fsync completes nothing: its leader throws and the waiters try
 * again themselves.
 */
final class GroupCommit {

    /** The fsync itself. */
    @FunctionalInterface
    interface Fsync {
        void force() throws IOException;
    }

    private final Fsync fsync;
    private long issued;
    private long completed;
    private boolean leading;

    GroupCommit(Fsync fsync) {
        this.fsync = fsync;
    }

    /** Returns once an fsync that started after this call has succeeded. */
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
                    covers = issued; // every ticket up to here was taken after its change
                    break;
                }
                waitForLeader();
            }
        }
        boolean synced = false;
        try {
            fsync.force();
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
            throw new IOException("interrupted while waiting for a write to be made durable", e);
        }
    }
}
