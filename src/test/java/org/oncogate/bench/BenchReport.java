package org.oncogate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run measured and under which settings, printed as a table and written as JSON to
 * {@code job-api-<timestamp>.json}. The in-gateway row is created-to-lastUpdate as the gateway stamped
 * the job: the completed row minus the client's polling lag.
 */
public record BenchReport(String startedAt, Map<String, Object> settings, Map<String, Object> environment,
        List<PhaseResult> phases, PhaseResult inGateway, Map<String, Long> outcomes, long notSucceeded, long polls,
        Map<String, Long> failures) {

    public PhaseResult phase(String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase " + name));
    }

    public String table() {
        StringBuilder table = new StringBuilder();
        table.append("oncogate job API benchmark, ").append(startedAt).append(": concurrency ")
                .append(settings.get("concurrency")).append(", ").append(settings.get("jobs")).append(" jobs after ")
                .append(settings.get("warmup")).append(" warm-up, note ").append(settings.get("noteChars"))
                .append(" chars, request ").append(settings.get("requestBytes")).append(" bytes, ")
                .append(environment.get("cores")).append(" cores (load average ")
                .append(environment.get("loadAverageAtStart")).append(" at start), Java ")
                .append(environment.get("javaVersion")).append('\n');
        table.append(String.format("%-12s %7s %9s %9s %9s %9s %9s%n", "phase", "count", "seconds", "per s", "p50 ms",
                "p99 ms", "max ms"));
        for (PhaseResult phase : phases) {
            table.append(String.format("%-12s %7d %9.3f %9.1f %9.2f %9.2f %9.2f%n", phase.phase(), phase.count(),
                    phase.seconds(), phase.perSecond(), phase.p50Ms(), phase.p99Ms(), phase.maxMs()));
        }
        table.append(String.format("%-12s %7d %9s %9s %9.2f %9.2f %9.2f%n", "in-gateway", inGateway.count(), "-", "-",
                inGateway.p50Ms(), inGateway.p99Ms(), inGateway.maxMs()));
        table.append("baseline: POST to a bare 202 route; submit: time to the 202; completed: first submit to last final ")
                .append("status, latency submit to final poll; in-gateway: createdDateTime to lastUpdateDateTime\n");
        table.append("outcomes: ").append(outcomes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append("; not succeeded: ").append(notSucceeded).append('\n');
        long jobs = ((Number) settings.get("jobs")).longValue();
        table.append(String.format("polls: %d (%.1f per job)%n", polls, (double) polls / jobs));
        table.append("failures: ").append(failures.isEmpty() ? "none" : failures.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining("; "))).append('\n');
        return table.toString();
    }

    /** Writes the report as {@code job-api-<timestamp>.json} into the folder and returns the file. */
    public Path write(Path folder) throws IOException {
        return BenchEnvironment.writeReport(this, folder, "job-api", startedAt);
    }
}
