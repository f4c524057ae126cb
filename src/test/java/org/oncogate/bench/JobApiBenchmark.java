package org.oncogate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.oncogate.testing.RunningGateway;

/**
 * Load driver for the Onco-Phenotype job API, with its baseline measured in the same run: starts the
 * real gateway in a temporary folder, then, at a fixed concurrency in a closed loop, (1) POSTs to a
 * bare 202 route, (2) submits jobs and (3) polls each to its final status. Warm-up requests come
 * first and are not counted. Prints a table, writes a JSON report, exits 1 if any job did not succeed.
 */
public final class JobApiBenchmark {

    static final String DEV_KEY = "oncogate-dev-key";

    private final BenchSettings settings;
    private final JobApiClient client;
    private final PrintStream out;
    private final Failures failures;
    private final List<String> bodies;

    private JobApiBenchmark(BenchSettings settings, JobApiClient client, PrintStream out) {
        this.settings = settings;
        this.client = client;
        this.out = out;
        this.failures = new Failures(out);
        this.bodies = IntStream.range(0, settings.warmup() + settings.jobs()).mapToObj(SyntheticJobRequest::json).toList();
    }

    public static void main(String[] args) throws Exception {
        // the gateway's own log goes to target/bench/gateway.log, not between the progress lines
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-bench.properties");
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(BenchSettings.USAGE);
            return;
        }
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchSettings.USAGE);
            System.exit(2);
            return;
        }
        BenchReport report = run(settings, System.out);
        System.out.println();
        System.out.print(report.table());
        System.out.println("report: " + report.write(settings.outputDir()));
        System.exit(report.notSucceeded() == 0 && report.failures().isEmpty() ? 0 : 1);
    }

    /** Runs the whole benchmark against a gateway of its own, whose folder is deleted afterwards. */
    public static BenchReport run(BenchSettings settings, PrintStream out) throws Exception {
        Path folder = Files.createTempDirectory("oncogate-bench-");
        try (RunningGateway gateway = RunningGateway.start(folder, Clock.systemUTC(), Map.of())) {
            gateway.context().addRoutes(new BaselineRoute());
            // the submitting clients and as many pollers, each request on a keep-alive connection of its own
            try (BenchHttpClient http = new BenchHttpClient(gateway.baseUrl(), 2 * settings.concurrency())) {
                return new JobApiBenchmark(settings, new JobApiClient(http, DEV_KEY), out).measure();
            }
        } finally {
            BenchEnvironment.deleteTree(folder);
        }
    }

    private BenchReport measure() throws InterruptedException {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> environment = BenchEnvironment.capture();
        int warmup = settings.warmup();
        int jobs = settings.jobs();
        int concurrency = settings.concurrency();
        out.printf("gateway up; warm-up: %d baseline requests and %d jobs at concurrency %d%n", warmup, warmup, concurrency);
        ClosedLoop.run(warmup, concurrency, i -> baseline(i, "[warm-up] ", new Latencies(), Progress.quiet("", warmup)));
        runJobs(0, warmup, "[warm-up] ", true);

        out.printf("measuring: %d baseline requests, then %d jobs%n", jobs, jobs);
        Latencies baseline = new Latencies();
        Progress baselineProgress = new Progress("baseline", jobs, out);
        long baselineNanos = ClosedLoop.run(jobs, concurrency, i -> baseline(warmup + i, "", baseline, baselineProgress));
        JobRun run = runJobs(warmup, jobs, "", false);

        return new BenchReport(startedAt, settings(), environment,
                List.of(PhaseResult.of("baseline", baseline.count(), baselineNanos, baseline),
                        PhaseResult.of("submit", run.submit().count(), run.submitNanos(), run.submit()),
                        PhaseResult.of("completed", run.outcomes().count(Outcome.SUCCEEDED), run.completedNanos(),
                                run.completion())),
                PhaseResult.of("in-gateway", run.inGateway().count(), run.completedNanos(), run.inGateway()),
                run.outcomes().asMap(), run.outcomes().notSucceeded(), run.polls(), failures.counts());
    }

    private record JobRun(Latencies submit, long submitNanos, Latencies completion, Latencies inGateway,
            long completedNanos, Outcomes outcomes, long polls) {
    }

    /** Submits bodies [first, first + count) in a closed loop while a poller follows each to its end. */
    private JobRun runJobs(int first, int count, String phase, boolean quiet) throws InterruptedException {
        Latencies submit = new Latencies();
        Outcomes outcomes = new Outcomes();
        Progress submitted = quiet ? Progress.quiet("submit", count) : new Progress("submit", count, out);
        Progress completed = quiet ? Progress.quiet("completed", count) : new Progress("completed", count, out);
        try (JobPoller poller = new JobPoller(client, settings.concurrency(), settings, phase, failures, outcomes, completed)) {
            long start = System.nanoTime();
            long submitNanos = ClosedLoop.run(count, settings.concurrency(),
                    i -> submit(first + i, phase, submit, poller, outcomes, submitted, completed));
            poller.awaitAll();
            return new JobRun(submit, submitNanos, poller.completion(), poller.inGateway(),
                    poller.lastFinal() == Long.MIN_VALUE ? 0 : poller.lastFinal() - start, outcomes, poller.polls());
        }
    }

    private void baseline(int index, String phase, Latencies latencies, Progress progress) {
        long start = System.nanoTime();
        try {
            JobApiClient.Reply reply = client.postBaseline(bodies.get(index));
            if (reply.status() == 202) {
                latencies.record(System.nanoTime() - start);
            } else {
                failures.record(phase + "POST " + JobApiClient.BASELINE_PATH, reply);
            }
        } catch (IOException e) {
            failures.record(phase + "POST " + JobApiClient.BASELINE_PATH, e);
        }
        progress.advance();
    }

    private void submit(int index, String phase, Latencies latencies, JobPoller poller, Outcomes outcomes,
            Progress submitted, Progress completed) {
        long start = System.nanoTime();
        try {
            JobApiClient.Reply reply = client.submit(bodies.get(index));
            long answered = System.nanoTime();
            if (reply.status() == 202) {
                latencies.record(answered - start);
                poller.track(client.operationLocation(reply), start, reply.retryAfter());
            } else {
                failures.record(phase + "POST jobs", reply);
                outcomes.add(Outcome.REJECTED);
                completed.advance();
            }
        } catch (IOException | RuntimeException e) {
            failures.record(phase + "POST jobs", e);
            outcomes.add(Outcome.REJECTED);
            completed.advance();
        }
        submitted.advance();
    }

    private Map<String, Object> settings() {
        IntSummaryStatistics noteChars = IntStream.range(settings.warmup(), bodies.size())
                .map(n -> SyntheticJobRequest.note(n).length()).summaryStatistics();
        IntSummaryStatistics requestBytes = bodies.stream().skip(settings.warmup())
                .mapToInt(body -> body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).summaryStatistics();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("concurrency", settings.concurrency());
        map.put("jobs", settings.jobs());
        map.put("warmup", settings.warmup());
        map.put("pollCapMs", settings.pollCap().toMillis());
        map.put("pollPolicy", "after min(Retry-After, max(poll cap, 5% of the job's age)), at most <concurrency> in flight");
        map.put("jobTimeoutS", settings.jobTimeout().toSeconds());
        map.put("patientsPerJob", 1);
        map.put("documentsPerJob", 1);
        map.put("noteChars", "%d-%d (avg %.0f)".formatted(noteChars.getMin(), noteChars.getMax(), noteChars.getAverage()));
        map.put("requestBytes", "%d-%d (avg %.0f)".formatted(requestBytes.getMin(), requestBytes.getMax(),
                requestBytes.getAverage()));
        return map;
    }
}
