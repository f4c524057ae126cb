package org.oncogate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What an HL7 run measured and under which settings, printed as a table and written as {@code hl7-<timestamp>.json}. */
public record Hl7BenchReport(String startedAt, Map<String, Object> settings, Map<String, Object> environment,
        List<Hl7Result> results, long notAa, Map<String, Long> failures) {

    public Hl7Result result(String target, String mode, int connectionsOrRate) {
        return results.stream().filter(r -> r.target().equals(target) && r.mode().equals(mode)
                        && (mode.equals("open") ? r.offeredPerSecond() : r.connections()) == connectionsOrRate)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no result " + target + " " + mode));
    }

    public String table() {
        StringBuilder table = new StringBuilder();
        table.append("oncogate HL7 MLLP benchmark, ").append(startedAt).append(": ORU^R01 of ")
                .append(settings.get("messageBytes")).append(" bytes (report ").append(settings.get("reportChars"))
                .append(" chars), ").append(settings.get("messages")).append(" messages per closed-loop step after ")
                .append(settings.get("warmup")).append(" warm-up (repeated until the JIT is quiet), ").append(environment.get("cores"))
                .append(" cores, a store holding ")
                .append(environment.get("earlierBuckets")).append(" earlier buckets (a day's retention window), load average ")
                .append(environment.get("loadAverageAtStart")).append(" at start, Java ")
                .append(environment.get("javaVersion")).append('\n');
        table.append(String.format("%-8s %-6s %5s %7s %7s %8s %8s %8s %8s %8s %6s %9s %7s %5s %6s%n", "target", "mode", "conns",
                "offered", "AA", "seconds", "msg/s", "p50 ms", "p99 ms", "max ms", "notAA", "proc/s", "cpu ms", "jit %", "load"));
        for (Hl7Result r : results) {
            PhaseResult ack = r.ack();
            table.append(String.format("%-8s %-6s %5d %7s %7d %8.3f %8.1f %8.2f %8.2f %8.2f %6d %9s %7.3f %5.0f %6.2f%n", r.target(),
                    r.mode(), r.connections(), r.offeredPerSecond() == 0 ? "-" : Integer.toString(r.offeredPerSecond()),
                    ack.count(), ack.seconds(), ack.perSecond(), ack.p50Ms(), ack.p99Ms(), ack.maxMs(), r.notAa(),
                    r.processedPerSecond() == 0 ? "-" : String.format("%.1f", r.processedPerSecond()),
                    r.cpuMsPerMessage(), r.jitShare() * 100, r.loadAverageAtStart()));
        }
        table.append("baseline: camel-mllp autoAck=true, no processing; gateway: routes/hl7-intake.yaml (AA after the ")
                .append("encrypted job is durable). closed: N connections, next message on the last ACK; open: fixed ")
                .append("schedule, latency from the scheduled send time. proc/s: until the step's inference backlog drained. ")
                .append("cpu ms: process CPU time (gateway, inference and client) per message over the row. ")
                .append("jit %: the JIT compiler's time over the row, in % of one core. ")
                .append("load: 1-min load average at the row's start (includes this benchmark's own threads)\n");
        table.append("not AA: ").append(notAa).append("; failures: ").append(failures.isEmpty() ? "none"
                : failures.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining("; ")))
                .append('\n');
        return table.toString();
    }

    /** Writes the report as {@code hl7-<timestamp>.json} into the folder and returns the file. */
    public Path write(Path folder) throws IOException {
        return BenchEnvironment.writeReport(this, folder, "hl7", startedAt);
    }
}
