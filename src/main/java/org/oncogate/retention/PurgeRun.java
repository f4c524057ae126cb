package org.oncogate.retention;

/** What one purge run removed: counts only, never names. */
public record PurgeRun(int bucketsDestroyed, int filesDeleted, int outboxFilesDeleted) {

    public PurgeRun {
        if (bucketsDestroyed < 0 || filesDeleted < 0 || outboxFilesDeleted < 0) {
            throw new IllegalArgumentException("purge counts are never negative");
        }
    }
}
