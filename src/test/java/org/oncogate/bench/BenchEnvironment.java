package org.oncogate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.oncogate.job.JobService;
import org.oncogate.store.Bucket;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.RetentionPolicy;

/** What every benchmark records about the machine it ran on, and how it writes its report and cleans up. */
final class BenchEnvironment {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchEnvironment() {
    }

    /** Cores, JVM, heap, OS, and the load average now (the cores may be shared with other work). */
    static Map<String, Object> capture() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cores", Runtime.getRuntime().availableProcessors());
        map.put("javaVersion", System.getProperty("java.version"));
        map.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        map.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        map.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        map.put("gatewayInProcess", true);
        // the cores are shared with other work: a load above 0 at the start means the numbers are lower
        map.put("loadAverageAtStart", loadAverage());
        return map;
    }

    /**
     * Gives a fresh gateway's store the buckets a gateway has after a day of work (every bucket of the
     * retention window before the current one, each holding a request and a state), so that the store's
     * lookups cost what they cost in production: a job id never seen before is looked for in all of
     * them. Returns the number of buckets written.
     */
    static int fillRetentionWindow(RegionalStore store) throws IOException {
        RetentionPolicy policy = store.policy();
        Instant now = store.clock().instant();
        Bucket current = policy.bucketFor(now);
        int written = 0;
        for (Instant t = current.start().minus(policy.bucketWidth()); ; t = t.minus(policy.bucketWidth())) {
            Bucket bucket = policy.bucketFor(t);
            if (policy.isExpired(bucket, now)) {
                return written;
            }
            String id = "bench-earlier-" + bucket.id();
            store.write(PayloadKind.INPUT, id, JobService.REQUEST, new byte[] {'{', '}'}, bucket);
            store.write(PayloadKind.STATE, id, JobService.STATE, new byte[] {'{', '}'}, bucket);
            written++;
        }
    }

    /** The one-minute system load average, two decimals. */
    static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Math.round(load * 100) / 100.0;
    }

    /** CPU time this whole process has used so far (gateway, client and JVM), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Writes a report as {@code <prefix>-<startedAt, compact>.json} into the folder and returns the file. */
    static Path writeReport(Object report, Path folder, String prefix, String startedAt) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(prefix + "-" + startedAt.replace(":", "").replace("-", "") + ".json");
        JSON.writeValue(file.toFile(), report);
        return file;
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
