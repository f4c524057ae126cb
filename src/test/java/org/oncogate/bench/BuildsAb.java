package org.oncogate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds head to head in one JVM, so that both see the same machine load, JIT and heap: each build's workload is
 * loaded through its own class loader, and the two take turns at passes over it, each pass timed in this thread's CPU
 * time. A shared machine slows both sides of a turn alike, so the ratio per turn is steadier than either side's time.
 * Prints the median pass of each build and the median ratio (first build's time over the second's, above 1 when the
 * second is faster) with its quartiles. The workloads: {@code rules}, the rules engine over every text of the dev set
 * ({@link RulesEngineBenchmark}, texts from {@code -Dbench.eval}); {@code hl7}, HL7 parse and map of the HL7
 * benchmark's ORU messages ({@link Hl7ParseAndMap}). Each build directory needs {@code target/classes},
 * {@code target/test-classes} and {@code cp.txt} (a workload class a build lacks, being older, is taken from this
 * harness's own test classes) ({@code ./mvnw -q -DskipTests test-compile dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}). Run: {@code java -cp target/test-classes:$(cat cp.txt)
 * -Dbench.eval=../shared/eval/tcga-dev.jsonl org.oncogate.bench.BuildsAb <rules|hl7> <base build dir> <new build dir>
 * [warm-up turns] [measured turns]}.
 */
public final class BuildsAb {

    private BuildsAb() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !List.of("rules", "hl7").contains(args[0])) {
            System.err.println("usage: BuildsAb <rules|hl7> <base build dir> <new build dir> [warm-up turns] [measured turns]");
            System.exit(2);
        }
        Build base = new Build(args[0], Path.of(args[1]));
        Build changed = new Build(args[0], Path.of(args[2]));
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int turns = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < warmups; w++) {
            base.pass(threads);
            changed.pass(threads);
        }
        double[] baseMs = new double[turns];
        double[] changedMs = new double[turns];
        double[] ratios = new double[turns];
        for (int t = 0; t < turns; t++) {
            // alternate which build goes first, so that neither always follows the other's garbage
            if (t % 2 == 0) {
                baseMs[t] = base.pass(threads);
                changedMs[t] = changed.pass(threads);
            } else {
                changedMs[t] = changed.pass(threads);
                baseMs[t] = base.pass(threads);
            }
            ratios[t] = baseMs[t] / changedMs[t];
        }
        int units = base.units;
        System.out.printf(Locale.ROOT, "%s per pass: %d, warm-up turns: %d, measured turns: %d%n", base.unit, units,
                warmups, turns);
        System.out.printf(Locale.ROOT, "base    median %.1f ms CPU per pass (%.0f %s/s)%n", quantile(baseMs, 0.5),
                units * 1000 / quantile(baseMs, 0.5), base.unit);
        System.out.printf(Locale.ROOT, "changed median %.1f ms CPU per pass (%.0f %s/s)%n", quantile(changedMs, 0.5),
                units * 1000 / quantile(changedMs, 0.5), base.unit);
        System.out.printf(Locale.ROOT, "ratio base/changed per turn: median x%.3f, quartiles x%.3f .. x%.3f%n",
                quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75));
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = (int) Math.ceil(at);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }

    /** One build's workload, loaded apart from the other build's classes. */
    private static final class Build {

        private final Object workload;
        private final Method step;
        private final int stepsPerPass;
        private final int units;
        private final String unit;

        Build(String kind, Path dir) throws Exception {
            List<URL> urls = new ArrayList<>();
            urls.add(dir.resolve("target/classes").toUri().toURL());
            urls.add(dir.resolve("target/test-classes").toUri().toURL());
            for (String jar : Files.readString(dir.resolve("cp.txt")).trim().split(":")) {
                urls.add(Path.of(jar).toUri().toURL());
            }
            // last: a workload class that an older build lacks comes from this harness's test classes
            urls.add(BuildsAb.class.getProtectionDomain().getCodeSource().getLocation());
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            if (kind.equals("rules")) {
                // the JMH state cycles through the texts, one per call
                Class<?> type = Class.forName("org.oncogate.bench.RulesEngineBenchmark", true, loader);
                workload = type.getConstructor().newInstance();
                type.getMethod("load").invoke(workload);
                step = type.getMethod("engine");
                units = ((List<?>) field(type, "patients")).size();
                stepsPerPass = units;
                unit = "texts";
            } else {
                Class<?> type = Class.forName("org.oncogate.bench.Hl7ParseAndMap", true, loader);
                workload = type.getConstructor().newInstance();
                step = type.getMethod("pass");
                units = (int) type.getMethod("messages").invoke(workload);
                stepsPerPass = 1;
                unit = "messages";
            }
        }

        private Object field(Class<?> type, String name) throws ReflectiveOperationException {
            var field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(workload);
        }

        /** One pass over the workload, in milliseconds of this thread's CPU time. */
        double pass(ThreadMXBean threads) throws ReflectiveOperationException {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < stepsPerPass; i++) {
                step.invoke(workload);
            }
            return (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
    }
}
