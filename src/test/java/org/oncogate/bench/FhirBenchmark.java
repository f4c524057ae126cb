package org.oncogate.bench;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.oncogate.subscription.SecretHash;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.RunningGateway;

/**
 * Load driver for the FHIR rest-hook endpoint, with its baseline measured in the same run: the real
 * gateway in-process in a temporary folder; at each concurrency a closed loop first POSTs the bodies
 * to a bare platform-http route, then sends them as full-resource notifications (a DocumentReference
 * with a ~2,000-character pathology note inline, a new document each) to {@code /fhir/bench}, timing
 * each to its 200; then waits until inference has finished the step's jobs. Prints a table, writes a
 * JSON report, exits 1 if any notification was not answered 200.
 */
public final class FhirBenchmark {

    static final String SECRET = "bench-secret";
    static final String BASELINE_PATH = "/bench/fhir-baseline";
    private static final String OUTCOME = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\","
            + "\"code\":\"informational\",\"diagnostics\":\"baseline\"}]}";

    private final FhirBenchSettings settings;
    private final RunningGateway gateway;
    private final PrintStream out;
    private final Failures failures;
    private final BenchHttpClient http;
    private final FhirContext context = FhirContext.forR4();
    private int nextDocument;

    private FhirBenchmark(FhirBenchSettings settings, RunningGateway gateway, BenchHttpClient http, PrintStream out) {
        this.settings = settings;
        this.gateway = gateway;
        this.out = out;
        this.failures = new Failures(out);
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-bench.properties");
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(FhirBenchSettings.USAGE);
            return;
        }
        FhirBenchSettings settings;
        try {
            settings = FhirBenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(FhirBenchSettings.USAGE);
            System.exit(2);
            return;
        }
        FhirBenchReport report = run(settings, System.out);
        System.out.println();
        System.out.print(report.table());
        System.out.println("report: " + report.write(settings.outputDir()));
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    /** Runs the whole benchmark against a gateway of its own, whose folder is deleted afterwards. */
    public static FhirBenchReport run(FhirBenchSettings settings, PrintStream out) throws Exception {
        Path folder = Files.createTempDirectory("oncogate-bench-fhir-");
        try (RunningGateway gateway = RunningGateway.start(folder, Clock.systemUTC(), Map.of(
                "oncogate.fhir.sources", "bench",
                "oncogate.fhir.source.bench.base-url", "http://localhost:9/fhir",
                "oncogate.fhir.source.bench.subscription", "default",
                "oncogate.fhir.source.bench.secret-sha256", HexFormat.of().formatHex(SecretHash.sha256(SECRET))))) {
            gateway.context().addRoutes(new BaselineRoute(BASELINE_PATH, 200, "application/fhir+json", OUTCOME));
            try (BenchHttpClient http = new BenchHttpClient(gateway.baseUrl(),
                    settings.concurrencies().stream().max(Integer::compare).orElseThrow())) {
                return new FhirBenchmark(settings, gateway, http, out).measure();
            }
        } finally {
            BenchEnvironment.deleteTree(folder);
        }
    }

    private FhirBenchReport measure() throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> environment = BenchEnvironment.capture();
        environment.put("earlierBuckets", BenchEnvironment.fillRetentionWindow(
                gateway.bean("regionalStore", RegionalStore.class)));
        int warmup = settings.warmup();
        int largest = settings.concurrencies().stream().max(Integer::compare).orElseThrow();
        out.printf("gateway up; warm-up: %d notifications to each target at concurrency %d%n", warmup, largest);
        JitWarmup.untilQuiet(warmup, settings.warmupMax(), () -> step(largest, warmup, true), out);
        List<FhirBenchReport.Row> rows = new ArrayList<>();
        for (int concurrency : settings.concurrencies()) {
            out.printf("measuring: %d notifications at concurrency %d%n", settings.notifications(), concurrency);
            rows.add(step(concurrency, settings.notifications(), false));
        }
        return new FhirBenchReport(startedAt, settings(), environment, rows, failures.counts());
    }

    private FhirBenchReport.Row step(int concurrency, int count, boolean quiet) throws InterruptedException {
        double load = BenchEnvironment.loadAverage();
        List<byte[]> bodies = IntStream.range(0, count).mapToObj(i -> notification(nextDocument + i)).toList();
        nextDocument += count;
        Latencies baseline = new Latencies();
        Progress baselineProgress = quiet ? Progress.quiet("baseline", count) : new Progress("baseline", count, out);
        long baselineNanos = ClosedLoop.run(count, concurrency,
                i -> post(BASELINE_PATH, bodies.get(i), baseline, baselineProgress));
        Latencies notify = new Latencies();
        Progress notifyProgress = quiet ? Progress.quiet("notify", count) : new Progress("notify", count, out);
        double inferredBefore = inferred();
        long cpuBefore = BenchEnvironment.processCpuNanos();
        JitWarmup.Mark jit = JitWarmup.Mark.now();
        long start = System.nanoTime();
        long notifyNanos = ClosedLoop.run(count, concurrency, i -> post("/fhir/bench", bodies.get(i), notify, notifyProgress));
        long deadline = start + Duration.ofSeconds(settings.drainTimeoutSeconds()).toNanos();
        while (inferred() < inferredBefore + notify.count() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long processedNanos = System.nanoTime() - start;
        double cpuMs = (BenchEnvironment.processCpuNanos() - cpuBefore) / 1e6 / count;
        return new FhirBenchReport.Row(concurrency, load, PhaseResult.of("baseline", baseline.count(), baselineNanos, baseline),
                PhaseResult.of("notify", notify.count(), notifyNanos, notify),
                Math.round((inferred() - inferredBefore) / (processedNanos / 1e9) * 10) / 10.0,
                Math.round(cpuMs * 100) / 100.0, jit.jitShare());
    }

    private void post(String path, byte[] body, Latencies latencies, Progress progress) {
        long start = System.nanoTime();
        try {
            int status = http.post(path, body, "application/fhir+json", "X-Oncogate-Secret", SECRET).status();
            if (status == 200) {
                latencies.record(System.nanoTime() - start);
            } else {
                failures.record("POST " + path + " -> HTTP " + status);
            }
        } catch (IOException e) {
            failures.record("POST " + path, e);
        }
        progress.advance();
    }

    /** Jobs of the FHIR channel inference has finished so far. */
    private double inferred() {
        Counter counter = gateway.bean(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class)
                .find("oncogate.usage.calls").tags("api", "fhir", "operation", "infer", "outcome", "succeeded").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Notification {@code n}: a new DocumentReference, its synthetic pathology note inline as text/plain. */
    private byte[] notification(int n) {
        DocumentReference document = new DocumentReference();
        document.setId("bench-%07d".formatted(n));
        document.getMeta().setVersionId("1");
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(new CodeableConcept().addCoding(new Coding("http://loinc.org", "11526-1", "Pathology study")));
        document.setSubject(new Reference("Patient/BENCH-%07d".formatted(n)));
        document.setDateElement(new InstantType("2026-11-01T08:00:00Z"));
        document.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
                .setData(SyntheticJobRequest.note(n).getBytes(StandardCharsets.UTF_8)));
        return context.newJsonParser().encodeResourceToString(document).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> settings() {
        IntSummaryStatistics bytes = IntStream.range(0, 200).map(n -> notification(n).length).summaryStatistics();
        IntSummaryStatistics chars = IntStream.range(0, 200).map(n -> SyntheticJobRequest.note(n).length()).summaryStatistics();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("concurrencies", settings.concurrencies());
        map.put("notifications", settings.notifications());
        map.put("warmup", settings.warmup());
        map.put("warmupMax", settings.warmupMax().toString());
        map.put("payload", "full-resource DocumentReference, %d-%d bytes (note %d-%d chars)".formatted(bytes.getMin(),
                bytes.getMax(), chars.getMin(), chars.getMax()));
        return map;
    }
}
