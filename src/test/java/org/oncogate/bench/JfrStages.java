package org.oncogate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums a JFR recording of a benchmark by stage, so that what bounds the rate is read from a profile:
 * Java samples (CPU) and native samples (time in native code: fsync, sockets) per thread group and
 * stage, every fsync ({@code jdk.FileForce}) by who asked for it, and the garbage collector's pauses,
 * which stop every thread and so add to the latency of whatever is in flight. A sample's stage is that of
 * an {@link #ENCLOSING_STAGES} rule matching any of its frames, else the first frame, from the top of its
 * stack, that a {@link #STAGES} rule knows.
 *
 * <pre>java -cp target/test-classes org.oncogate.bench.JfrStages target/bench/hl7.jfr</pre>
 */
public final class JfrStages {

    /**
     * Stages that own all the work below them, whichever library does it: HAPI builds and encodes an ACK with
     * the same model classes it parses with, so "HL7 parse (HAPI)" would otherwise count the ACK too.
     */
    private static final List<String[]> ENCLOSING_STAGES = List.<String[]>of(
            new String[] {"org.oncogate.intake.hl7.Hl7Acks", "HL7 ACK building"});

    /** Stage rules, by frame prefix (class name + "." + method); the first matching frame from the top wins. */
    private static final List<String[]> STAGES = List.of(
            new String[] {"sun.nio.ch.FileDispatcherImpl.force", "fsync"},
            new String[] {"org.oncogate.store.DurableFiles.fsyncDirectory", "fsync"},
            new String[] {"sun.nio.ch.FileDispatcherImpl.write", "file write"},
            new String[] {"sun.nio.fs.UnixNativeDispatcher", "file create/rename/stat"},
            new String[] {"sun.nio.fs.", "file create/rename/stat"},
            new String[] {"sun.nio.ch.FileChannelImpl", "file open/close"},
            new String[] {"org.oncogate.store.DurableFiles", "file create/rename/stat"},
            new String[] {"org.oncogate.store.Segment", "journal append/read"},
            new String[] {"org.oncogate.store.RegionalStore.find", "store lookup (find)"},
            new String[] {"com.google.crypto.tink", "encrypt/decrypt (Tink)"},
            new String[] {"javax.crypto", "encrypt/decrypt (Tink)"},
            new String[] {"com.sun.crypto", "encrypt/decrypt (Tink)"},
            new String[] {"ca.uhn.hl7v2.parser", "HL7 parse (HAPI)"},
            new String[] {"ca.uhn.hl7v2.model", "HL7 parse (HAPI)"},
            new String[] {"ca.uhn.hl7v2.util.Terser", "HL7 map"},
            new String[] {"org.oncogate.intake.hl7.Hl7Parsing", "HL7 decode"},
            new String[] {"org.oncogate.intake.hl7", "HL7 map"},
            new String[] {"ca.uhn.fhir.parser", "FHIR parse/encode (HAPI)"},
            new String[] {"org.oncogate.intake.fhir.SafeXml", "FHIR parse/encode (HAPI)"},
            new String[] {"org.oncogate.intake.fhir", "FHIR map"},
            new String[] {"org.hl7.fhir", "FHIR map"},
            new String[] {"org.oncogate.inference", "inference (rules)"},
            new String[] {"org.oncogate.text", "normalize text"},
            new String[] {"com.fasterxml.jackson", "JSON"},
            new String[] {"org.oncogate.job.JobJson", "JSON"},
            new String[] {"org.oncogate.job.JobValidator", "validate"},
            new String[] {"org.oncogate.usage", "usage counters"},
            new String[] {"io.micrometer", "usage counters"},
            new String[] {"org.apache.logging", "logging"},
            new String[] {"org.slf4j", "logging"},
            new String[] {"org.apache.camel.component.mllp", "MLLP socket I/O"},
            new String[] {"sun.nio.ch.Net", "socket I/O"},
            new String[] {"sun.nio.ch.NioSocketImpl", "socket I/O"},
            new String[] {"java.net.", "socket I/O"},
            new String[] {"org.oncogate.bench", "benchmark client"},
            new String[] {"io.vertx", "HTTP (Vert.x)"},
            new String[] {"io.netty", "HTTP (Vert.x)"},
            new String[] {"org.apache.camel", "Camel routing"});

    private JfrStages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JfrStages <recording.jfr>");
            System.exit(2);
        }
        System.out.print(summarize(Path.of(args[0])));
    }

    static String summarize(Path recording) throws IOException {
        Map<String, Map<String, Integer>> cpu = new TreeMap<>();
        Map<String, Map<String, Integer>> inNative = new TreeMap<>();
        Map<String, List<Duration>> fsyncs = new TreeMap<>();
        Map<String, Double> threadCpu = new TreeMap<>();
        Map<String, List<Duration>> gcPauses = new TreeMap<>();
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            first = event.getStartTime().isBefore(first) ? event.getStartTime() : first;
            last = event.getEndTime().isAfter(last) ? event.getEndTime() : last;
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> count(cpu, group(name(event.getThread("sampledThread"))),
                        stage(event.getStackTrace()));
                case "jdk.NativeMethodSample" -> count(inNative, group(name(event.getThread("sampledThread"))),
                        stage(event.getStackTrace()));
                case "jdk.ThreadCPULoad" -> threadCpu.merge(group(name(event.getThread("eventThread"))),
                        event.getDouble("user") + event.getDouble("system"), Double::sum);
                case "jdk.FileForce" -> fsyncs.computeIfAbsent(fsyncCaller(event.getStackTrace()), k -> new ArrayList<>())
                        .add(event.getDuration());
                case "jdk.GarbageCollection" -> gcPauses.computeIfAbsent(event.getString("name"), k -> new ArrayList<>())
                        .add(event.getDuration("sumOfPauses"));
                default -> {
                }
            }
        }
        StringBuilder out = new StringBuilder();
        double cpuAll = threadCpu.values().stream().mapToDouble(Double::doubleValue).sum();
        out.append("CPU time by thread group (jdk.ThreadCPULoad, all threads incl. GC and JIT)\n");
        threadCpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("  %-28s %5.1f%%%n", e.getKey(), 100 * e.getValue() / cpuAll)));
        out.append(table("CPU: Java samples (jdk.ExecutionSample) by thread group and stage", cpu));
        out.append(table("Native: threads sampled in native code (jdk.NativeMethodSample; fsync, sockets, waits)", inNative));
        out.append("fsync (jdk.FileForce, every call)\n");
        out.append(String.format("  %-44s %8s %9s %8s %8s %8s%n", "caller", "count", "total s", "mean ms", "p50 ms",
                "p99 ms"));
        fsyncs.forEach((caller, durations) -> {
            Collections.sort(durations);
            double total = durations.stream().mapToLong(Duration::toNanos).sum() / 1e9;
            out.append(String.format("  %-44s %8d %9.2f %8.2f %8.2f %8.2f%n", caller, durations.size(), total,
                    total * 1000 / durations.size(), millis(durations, 50), millis(durations, 99)));
        });
        out.append(gcPauses(gcPauses, Duration.between(first, last)));
        return out.toString();
    }

    /** Each collector's stop-the-world pauses (per collection: the sum of its pauses) and their share of the recording. */
    private static String gcPauses(Map<String, List<Duration>> byCollector, Duration recording) {
        StringBuilder out = new StringBuilder(String.format(
                "GC pauses (jdk.GarbageCollection; every thread stops), over %.0f s of recording%n", recording.toMillis() / 1e3));
        out.append(String.format("  %-12s %8s %9s %8s %8s %8s %8s %8s%n", "collector", "count", "total s", "% wall",
                "p50 ms", "p90 ms", "p99 ms", "max ms"));
        byCollector.forEach((collector, pauses) -> {
            Collections.sort(pauses);
            double total = pauses.stream().mapToLong(Duration::toNanos).sum() / 1e9;
            out.append(String.format("  %-12s %8d %9.2f %8.1f %8.2f %8.2f %8.2f %8.2f%n", collector, pauses.size(), total,
                    100 * total / Math.max(recording.toNanos() / 1e9, 1e-9), millis(pauses, 50), millis(pauses, 90),
                    millis(pauses, 99), millis(pauses, 100)));
        });
        return out.toString();
    }

    private static String table(String title, Map<String, Map<String, Integer>> byGroup) {
        int all = byGroup.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder(title).append(", ").append(all).append(" samples\n");
        byGroup.forEach((group, stages) -> {
            int inGroup = stages.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("  %-28s %5.1f%% of all%n", group, 100.0 * inGroup / all));
            stages.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .filter(e -> 100.0 * e.getValue() / inGroup >= 1.0)
                    .forEach(e -> out.append(String.format("      %-32s %5.1f%% of group  %5.1f%% of all%n", e.getKey(),
                            100.0 * e.getValue() / inGroup, 100.0 * e.getValue() / all)));
        });
        return out.toString();
    }

    private static void count(Map<String, Map<String, Integer>> counts, String group, String stage) {
        counts.computeIfAbsent(group, k -> new TreeMap<>()).merge(stage, 1, Integer::sum);
    }

    private static String name(RecordedThread thread) {
        if (thread == null) {
            return null;
        }
        return thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    }

    /** Thread groups of the benchmarks: camel-mllp's connection threads, Vert.x's, inference, the client, the rest. */
    private static String group(String thread) {
        if (thread == null) {
            return "other";
        }
        if (thread.startsWith("pool-") || thread.contains("mllp")) {
            return "MLLP connections (intake)";
        }
        if (thread.startsWith("vert.x-worker")) {
            return "HTTP workers (intake)";
        }
        if (thread.startsWith("vert.x-eventloop")) {
            return "HTTP event loop";
        }
        if (thread.contains("seda://inference")) {
            return "inference consumers";
        }
        if (thread.startsWith("bench-")) {
            return "benchmark client";
        }
        if (thread.startsWith("GC") || thread.startsWith("G1")) {
            return "GC";
        }
        return thread.startsWith("C1 ") || thread.startsWith("C2 ") ? "JIT compiler" : "other";
    }

    private static String stage(RecordedStackTrace stack) {
        if (stack == null) {
            return "(no stack)";
        }
        List<String> frames = stack.getFrames().stream()
                .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName()).toList();
        return firstStage(frames, ENCLOSING_STAGES).or(() -> firstStage(frames, STAGES)).orElse("other");
    }

    private static Optional<String> firstStage(List<String> frames, List<String[]> rules) {
        for (String name : frames) {
            for (String[] rule : rules) {
                if (name.startsWith(rule[0])) {
                    return Optional.of(rule[1]);
                }
            }
        }
        return Optional.empty();
    }

    /** Which write asked for an fsync (intake, inference or delivery; request or state; journal segment, file or directory). */
    private static String fsyncCaller(RecordedStackTrace stack) {
        String what = "file";
        String by = "other";
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (name.endsWith("DurableFiles.fsyncDirectory")) {
                    what = "directory";
                } else if (name.startsWith("org.oncogate.store.Segment.")) {
                    what = "journal segment";
                } else if (name.endsWith("JobService.markDelivered")) {
                    by = "delivery: delivered record";
                    break;
                } else if (name.endsWith("JobService.runOnce")) {
                    by = "inference: state writes";
                    break;
                } else if (name.endsWith("JobService.save")) {
                    by = "state write";
                } else if (name.endsWith("JobService.store")) {
                    by = by.equals("state write") ? "intake: state write" : "intake: request write";
                    break;
                } else if (name.startsWith("org.oncogate.store.BucketKeys")) {
                    by = "bucket key";
                    break;
                }
            }
        }
        return by + " (" + what + ")";
    }

    private static double millis(List<Duration> sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)).toNanos() / 1e6;
    }
}
