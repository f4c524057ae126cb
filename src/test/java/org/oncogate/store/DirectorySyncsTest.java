package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Group commit of directory fsyncs: a caller returns only after an fsync that began after its call
 * succeeded; concurrent callers share fsyncs; a failed fsync makes nobody durable.
 */
class DirectorySyncsTest {

    private static final Path DIR = Path.of("/store/eu-west/input/20261201T2000Z");

    /** A global order of events: calls, fsync starts, fsync ends. */
    private final AtomicLong clock = new AtomicLong();
    /** Start sequence numbers of the fsyncs that succeeded, added when they end. */
    private final ConcurrentLinkedQueue<Long> succeeded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger fsyncs = new AtomicInteger();

    @Test
    void aLoneCallerFsyncsItsDirectoryEachTime() throws IOException {
        DirectorySyncs syncs = new DirectorySyncs(this::slowFsync);
        for (int i = 0; i < 3; i++) {
            long called = clock.incrementAndGet();
            syncs.sync(DIR);
            assertThat(succeeded).anyMatch(start -> start > called);
        }
        assertThat(fsyncs).hasValue(3);
    }

    @Test
    void concurrentCallersShareFsyncsAndEachReturnsOnlyAfterOneThatStartedAfterItsCall() throws Exception {
        DirectorySyncs syncs = new DirectorySyncs(this::slowFsync);
        int threads = 8;
        int callsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            outcomes.add(pool.submit(() -> {
                go.await();
                int uncovered = 0;
                for (int i = 0; i < callsEach; i++) {
                    long called = clock.incrementAndGet();
                    syncs.sync(DIR);
                    if (succeeded.stream().noneMatch(start -> start > called)) {
                        uncovered++; // returned without an fsync begun after the call: not durable
                    }
                }
                return uncovered;
            }));
        }
        go.countDown();
        for (Future<Integer> outcome : outcomes) {
            assertThat(outcome.get(30, TimeUnit.SECONDS)).as("calls that returned before being made durable").isZero();
        }
        pool.shutdown();
        assertThat(fsyncs.get()).as("fsyncs for %d calls", threads * callsEach).isLessThan(threads * callsEach);
    }

    @Test
    void aFailedFsyncMakesNobodyDurableAndTheNextCallerFsyncsAgain() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        DirectorySyncs syncs = new DirectorySyncs(dir -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("disk gone");
            }
        });
        assertThatThrownBy(() -> syncs.sync(DIR)).isInstanceOf(IOException.class);
        syncs.sync(DIR);
        assertThat(attempts).as("the second call ran its own fsync").hasValue(2);
    }

    @Test
    void directoriesAreSyncedSeparately() throws IOException {
        List<Path> synced = new ArrayList<>();
        DirectorySyncs syncs = new DirectorySyncs(synced::add);
        syncs.sync(DIR);
        syncs.sync(DIR.resolveSibling("20261201T2015Z"));
        assertThat(synced).containsExactly(DIR, DIR.resolveSibling("20261201T2015Z"));
    }

    private void slowFsync(Path dir) throws IOException {
        long start = clock.incrementAndGet();
        fsyncs.incrementAndGet();
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        succeeded.add(start);
    }
}
