package org.oncogate.fuzz;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.oncogate.inference.rules.RulesEngine;
import org.oncogate.job.JobLimits;
import org.oncogate.job.JobService;
import org.oncogate.job.JobValidator;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoredPayload;
import org.oncogate.store.TestStores;
import org.oncogate.subscription.RequestRateLimit;
import org.oncogate.subscription.Subscription;
import org.oncogate.subscription.SecretHash;
import org.oncogate.subscription.Subscriptions;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageLedger;

/**
 * The real pipeline behind every channel (store, job service, usage, subscriptions), for a fuzz
 * harness to put one channel in front of. The store lives on tmpfs where there is one, so that the
 * fsyncs of a hundred thousand tries cost nothing; each try starts with no payload stored, so
 * "nothing partially stored" is a look at an empty tree.
 */
public final class FuzzPipeline implements AutoCloseable {

    public static final String REGION = "eu-west";
    /** Subscriptions: {@code default} in this region, {@code abroad} in another. */
    public static final Subscriptions SUBSCRIPTIONS = new Subscriptions(List.of(
            new Subscription("default", REGION, SecretHash.sha256("oncogate-dev-key")),
            new Subscription("abroad", "us-east", SecretHash.sha256("abroad-key"))));
    /** Longer than any input takes; reaching it is a hang. */
    private static final Duration HANG = Duration.ofSeconds(20);

    private final Path folder;
    private final Clock clock = Clock.systemUTC();
    private final RegionalStore store;
    private Set<StoredPayload> before = Set.of();
    private final JobService jobs;
    private final UsageCounters usage;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fuzz-try");
        thread.setDaemon(true);
        return thread;
    });

    public FuzzPipeline() {
        try {
            Path shm = Path.of("/dev/shm");
            folder = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "oncogate-fuzz")
                    : Files.createTempDirectory("oncogate-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = TestStores.store(folder.resolve("store"), REGION, TestStores.randomKek(), clock);
        usage = new UsageCounters(new SimpleMeterRegistry(), "oncogate-fuzz", REGION, new UsageLedger(), clock);
        jobs = new JobService(store, new JobValidator(JobLimits.of(50_000, 1)), new RulesEngine(), usage, origin -> false);
    }

    public Path folder() {
        return folder;
    }

    public Clock clock() {
        return clock;
    }

    public RegionalStore store() {
        return store;
    }

    public JobService jobs() {
        return jobs;
    }

    public UsageCounters usage() {
        return usage;
    }

    /** A rate no fuzz run reaches: the fuzz harnesses test the input paths, not throttling. */
    public RequestRateLimit unlimited(String channel) {
        return new RequestRateLimit(channel, Integer.MAX_VALUE, Duration.ofSeconds(1), System::nanoTime);
    }

    /** The payloads stored since {@link #startTry()}, of every kind. */
    public List<StoredPayload> payloads() {
        return Arrays.stream(PayloadKind.values()).flatMap(kind -> store.list(kind).stream())
                .filter(payload -> !before.contains(payload)).toList();
    }

    /** Every stored request of the job, in every bucket. */
    public List<StoredPayload> requestsOf(String jobId) {
        return store.list(PayloadKind.INPUT).stream().filter(payload -> payload.id().equals(jobId)).toList();
    }

    /** A new try begins: what earlier tries (or their shrinking) stored no longer counts. */
    public void startTry() {
        before = Arrays.stream(PayloadKind.values()).flatMap(kind -> store.list(kind).stream())
                .collect(Collectors.toSet());
    }

    /** Runs one try on a worker thread; a try that takes longer than {@link #HANG} fails as a hang. */
    public <T> T bounded(java.util.concurrent.Callable<T> attempt) throws Exception {
        Future<T> future = worker.submit(attempt);
        try {
            return future.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("the input hung its path for more than " + HANG);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new AssertionError(e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        worker.shutdownNow();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
