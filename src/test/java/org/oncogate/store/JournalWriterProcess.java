package org.oncogate.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child of {@link JournalCrashTest}: opens a bucket journal as a restarted gateway would and
 * writes into it from several threads until it is killed, printing {@code acked <n>} once write
 * {@code n} has returned (is durable), as a channel would acknowledge it.
 */
public final class JournalWriterProcess {

    static final int THREADS = 4;
    /** Small, so that segments rotate during a run. */
    static final long SEGMENT_BYTES = 256 * 1024;

    private JournalWriterProcess() {
    }

    static String id(long n) {
        return "job-" + n;
    }

    static byte[] content(long n) {
        return BucketJournalTest.bytes(id(n), 500 + (int) (n % 3000));
    }

    public static void main(String[] args) throws Exception {
        BucketJournal journal = BucketJournal.load(Path.of(args[0]).getParent(), Path.of(args[0]), SEGMENT_BYTES);
        AtomicLong next = new AtomicLong(Long.parseLong(args[1]));
        System.out.println("ready");
        for (int t = 0; t < THREADS; t++) {
            new Thread(() -> {
                while (true) {
                    long n = next.getAndIncrement();
                    try {
                        journal.write(id(n), "request", content(n));
                    } catch (Exception e) {
                        System.exit(3);
                    }
                    synchronized (System.out) {
                        System.out.println("acked " + n);
                        System.out.flush();
                    }
                }
            }).start();
        }
    }
}
