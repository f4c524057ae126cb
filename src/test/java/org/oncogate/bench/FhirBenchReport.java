package org.oncogate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a FHIR benchmark run measured, per concurrency: the bare platform-http route and the
 * gateway's FHIR endpoint (time to the 200, which comes after the durable write), and how fast
 * inference finished that step's jobs. Printed as a table, written as {@code fhir-<timestamp>.json}.
 */
public record FhirBenchReport(String startedAt, Map<String, Object> settings, Map<String, Object> environment,
        List<Row> rows, Map<String, Long> failures) {

    /** One concurrency step. */
    public record Row(int concurrency, double loadAverage, PhaseResult baseline, PhaseResult gateway,
            double processedPerSecond, double cpuMsPerNotification, double jitShare) {
    }

    public String table() {
        StringBuilder table = new StringBuilder();
        table.append("oncogate FHIR benchmark, ").append(startedAt).append(": ").append(settings.get("notifications"))
                .append(" notifications per step after ").append(settings.get("warmup")).append(" warm-up (repeated until the JIT is quiet), ")
                .append(settings.get("payload")).append(", ").append(environment.get("cores")).append(" cores, a store holding ")
                .append(environment.get("earlierBuckets")).append(" earlier buckets (a day's retention window), Java ")
                .append(environment.get("javaVersion")).append('\n');
        table.append(String.format("%-7s %6s | %-28s | %-28s | %10s %8s %6s%n", "clients", "load", "baseline /s (p50/p99 ms)",
                "notify /s (p50/p99 ms)", "processed/s", "cpu ms", "jit %"));
        for (Row row : rows) {
            table.append(String.format("%-7d %6.2f | %8.1f (%7.2f / %7.2f) | %8.1f (%7.2f / %7.2f) | %10.1f %8.2f %6.0f%n",
                    row.concurrency(), row.loadAverage(), row.baseline().perSecond(), row.baseline().p50Ms(),
                    row.baseline().p99Ms(), row.gateway().perSecond(), row.gateway().p50Ms(), row.gateway().p99Ms(),
                    row.processedPerSecond(), row.cpuMsPerNotification(), row.jitShare() * 100));
        }
        table.append("baseline: POST of the same bodies to a bare platform-http route answering 200; notify: POST to ")
                .append("/fhir/<source>, time to the 200 (after the encrypted, fsync'd write); processed: the step's first ")
                .append("notification to its last job inferred; cpu: process CPU per notification over the step; jit: the JIT compiler's time over the step in % of one core; load: ")
                .append("1-minute load average at the step's start\n");
        table.append("failures: ").append(failures.isEmpty() ? "none" : failures.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining("; "))).append('\n');
        return table.toString();
    }

    public Path write(Path folder) throws IOException {
        return BenchEnvironment.writeReport(this, folder, "fhir", startedAt);
    }
}
