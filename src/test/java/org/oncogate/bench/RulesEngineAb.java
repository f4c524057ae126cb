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
 * Two builds of the rules engine head to head in one JVM, so that both see the same machine load, JIT and heap:
 * each build's {@link RulesEngineBenchmark} is loaded through its own class loader, and the two take turns at passes
 * over all the texts of the dev set, each pass timed in this thread's CPU time. A shared machine slows both sides of
 * a turn alike, so the ratio per turn is steadier than either side's time. Prints the median pass of each build and
 * the median ratio (first build's time over the second's, above 1 when the second is faster) with its quartiles.
 * Each build directory needs {@code target/classes}, {@code target/test-classes} and {@code cp.txt} ({@code ./mvnw -q
 * -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}). Run:
 * {@code java -cp target/test-classes:$(cat cp.txt) -Dbench.eval=../shared/eval/tcga-dev.jsonl
 * org.oncogate.bench.RulesEngineAb <base build dir> <new build dir> [warm-up turns] [measured turns]}.
 */
public final class RulesEngineAb {

    private RulesEngineAb() {
    }

    public static void main(String[] args) throws Exception {
        Build base = new Build(Path.of(args[0]));
        Build changed = new Build(Path.of(args[1]));
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int turns = args.length > 3 ? Integer.parseInt(args[3]) : 15;
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
        int texts = base.texts;
        System.out.printf(Locale.ROOT, "texts per pass: %d, warm-up turns: %d, measured turns: %d%n", texts, warmups, turns);
        System.out.printf(Locale.ROOT, "base    median %.1f ms CPU per pass (%.0f docs/s)%n", quantile(baseMs, 0.5),
                texts * 1000 / quantile(baseMs, 0.5));
        System.out.printf(Locale.ROOT, "changed median %.1f ms CPU per pass (%.0f docs/s)%n", quantile(changedMs, 0.5),
                texts * 1000 / quantile(changedMs, 0.5));
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

    /** One build's benchmark state, loaded apart from the other build's classes. */
    private static final class Build {

        private final Object benchmark;
        private final Method engine;
        private final int texts;

        Build(Path dir) throws Exception {
            List<URL> urls = new ArrayList<>();
            urls.add(dir.resolve("target/classes").toUri().toURL());
            urls.add(dir.resolve("target/test-classes").toUri().toURL());
            for (String jar : Files.readString(dir.resolve("cp.txt")).trim().split(":")) {
                urls.add(Path.of(jar).toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> type = Class.forName("org.oncogate.bench.RulesEngineBenchmark", true, loader);
            benchmark = type.getConstructor().newInstance();
            type.getMethod("load").invoke(benchmark);
            engine = type.getMethod("engine");
            Object patients = field(type, "patients");
            texts = ((List<?>) patients).size();
        }

        private Object field(Class<?> type, String name) throws ReflectiveOperationException {
            var field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(benchmark);
        }

        /** One pass over every text (the benchmark cycles through them), in milliseconds of this thread's CPU time. */
        double pass(ThreadMXBean threads) throws ReflectiveOperationException {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < texts; i++) {
                engine.invoke(benchmark);
            }
            return (threads.getCurrentThreadCpuTime() - start) / 1e6;
        }
    }
}
