package org.oncogate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Follows submitted jobs to their final status as a client would: GET the Operation-Location after
 * Retry-After, but sooner while the job is young: after the poll cap, or 5% of the job's age if that
 * is longer. So a latency is seen to within 5% (or the cap), and a backlog of old jobs is not polled
 * every 50 ms, which on a small machine would take the CPU the gateway needs. At most
 * {@code threads} polls are in flight.
 */
final class JobPoller implements AutoCloseable {

    private record PendingJob(String location, long submitted, long due) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((PendingJob) other).due);
        }
    }

    private final JobApiClient client;
    private final long capNanos;
    private final long timeoutNanos;
    private final String phase;
    private final Failures failures;
    private final Outcomes outcomes;
    private final Progress progress;
    private final Latencies completion = new Latencies();
    private final Latencies inGateway = new Latencies();
    private final DelayQueue<PendingJob> queue = new DelayQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong lastFinal = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder polls = new LongAdder();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    JobPoller(JobApiClient client, int threads, BenchSettings settings, String phase, Failures failures,
            Outcomes outcomes, Progress progress) {
        this.client = client;
        this.capNanos = settings.pollCap().toNanos();
        this.timeoutNanos = settings.jobTimeout().toNanos();
        this.phase = phase;
        this.failures = failures;
        this.outcomes = outcomes;
        this.progress = progress;
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(this::work, "bench-poller-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    void track(String location, long submitted, Optional<Duration> retryAfter) {
        outstanding.incrementAndGet();
        long now = System.nanoTime();
        queue.add(new PendingJob(location, submitted, now + delay(retryAfter, now - submitted)));
    }

    /** Waits until every tracked job is final or timed out (each is, within the job timeout). */
    void awaitAll() throws InterruptedException {
        while (outstanding.get() > 0) {
            Thread.sleep(5);
        }
    }

    /** System.nanoTime() when the last job was seen final. */
    long lastFinal() {
        return lastFinal.get();
    }

    /** From sending the submission to receiving the poll that showed it succeeded. */
    Latencies completion() {
        return completion;
    }

    /** From the job's createdDateTime to its lastUpdateDateTime, as the gateway stamped them. */
    Latencies inGateway() {
        return inGateway;
    }

    long polls() {
        return polls.sum();
    }

    private void work() {
        while (!closed) {
            try {
                PendingJob job = queue.poll(100, TimeUnit.MILLISECONDS);
                if (job != null) {
                    poll(job);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll(PendingJob job) {
        polls.increment();
        try {
            JobApiClient.Reply reply = client.get(job.location());
            long now = System.nanoTime();
            if (reply.status() == 200) {
                follow(job, reply, now);
                return;
            }
            failures.record(phase + "GET job", reply);
            boolean refused = reply.status() >= 400 && reply.status() < 500 && reply.status() != 429;
            if (refused) {
                finish(Outcome.POLL_REFUSED, now);
            } else {
                again(job, reply.retryAfter(), now);
            }
        } catch (IOException | RuntimeException e) {
            // a transport failure or an answer that is not a job: count it and try again later
            failures.record(phase + "GET job", e);
            again(job, Optional.empty(), System.nanoTime());
        }
    }

    private void follow(PendingJob job, JobApiClient.Reply reply, long now) throws IOException {
        JsonNode state = reply.json();
        String status = state.path("status").asText();
        switch (status) {
            case "succeeded" -> {
                completion.record(now - job.submitted());
                inGateway.record(Duration.between(Instant.parse(state.path("createdDateTime").asText()),
                        Instant.parse(state.path("lastUpdateDateTime").asText())).toNanos());
                boolean hasResult = state.at("/result/patientResults").size() > 0;
                finish(hasResult ? Outcome.SUCCEEDED : Outcome.SUCCEEDED_WITHOUT_RESULT, now);
            }
            case "failed" -> {
                failures.record(phase + "job failed: " + state.at("/error/code").asText("-"));
                finish(Outcome.FAILED, now);
            }
            case "notStarted", "running" -> again(job, reply.retryAfter(), now);
            default -> {
                failures.record(phase + "GET job -> unknown status '" + status + "'");
                again(job, reply.retryAfter(), now);
            }
        }
    }

    private void again(PendingJob job, Optional<Duration> retryAfter, long now) {
        if (now - job.submitted() > timeoutNanos) {
            failures.record(phase + "job not final within the job timeout");
            finish(Outcome.TIMED_OUT, now);
        } else {
            queue.add(new PendingJob(job.location(), job.submitted(), now + delay(retryAfter, now - job.submitted())));
        }
    }

    private void finish(Outcome outcome, long now) {
        outcomes.add(outcome);
        lastFinal.accumulateAndGet(now, Math::max);
        progress.advance();
        outstanding.decrementAndGet();
    }

    private long delay(Optional<Duration> retryAfter, long age) {
        long soon = Math.max(capNanos, age / 20);
        return Math.min(retryAfter.map(Duration::toNanos).orElse(soon), soon);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
