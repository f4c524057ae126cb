package org.oncogate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.RunningGateway;

/**
 * Load driver for the HL7 v2 MLLP intake, with its baseline measured in the same run: starts the real
 * gateway in a temporary folder and a bare camel-mllp auto-ACK route beside it, then sends ORU^R01
 * messages of real size to each, (1) in a closed loop at each concurrency (connections) and (2) in an
 * open loop at a fixed offered rate. Times each message from its send (open loop: its scheduled send)
 * to its ACK; every ACK must be AA. After each gateway step it waits for the step's inference backlog.
 * Prints a table, writes a JSON report, exits 1 if any message was not AA'd.
 */
public final class Hl7Benchmark {

    private static final String BASELINE = "baseline";
    private static final String GATEWAY = "gateway";

    private final Hl7BenchSettings settings;
    private final CamelContext context;
    private final Map<String, Integer> ports;
    private final PrintStream out;
    private final Failures failures;
    private final SyntheticOruMessage messages;
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder notAa = new LongAdder();

    private Hl7Benchmark(Hl7BenchSettings settings, CamelContext context, Map<String, Integer> ports, PrintStream out) {
        this.settings = settings;
        this.context = context;
        this.ports = ports;
        this.out = out;
        this.failures = new Failures(out);
        this.messages = new SyntheticOruMessage("B" + Long.toString(System.currentTimeMillis(), 36).toUpperCase());
    }

    public static void main(String[] args) throws Exception {
        // the gateway's own log goes to target/bench/gateway.log, not between the progress lines
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-bench.properties");
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(Hl7BenchSettings.USAGE);
            return;
        }
        Hl7BenchSettings settings;
        try {
            settings = Hl7BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Hl7BenchSettings.USAGE);
            System.exit(2);
            return;
        }
        Hl7BenchReport report = run(settings, System.out);
        System.out.println();
        System.out.print(report.table());
        System.out.println("report: " + report.write(settings.outputDir()));
        System.exit(report.notAa() == 0 && report.failures().isEmpty() ? 0 : 1);
    }

    /** Runs the whole benchmark against a gateway of its own, whose folder is deleted afterwards. */
    public static Hl7BenchReport run(Hl7BenchSettings settings, PrintStream out) throws Exception {
        Path folder = Files.createTempDirectory("oncogate-hl7-bench-");
        try (RunningGateway gateway = RunningGateway.start(folder, Clock.systemUTC(), Map.of())) {
            int baselinePort = freePort();
            gateway.context().addRoutes(new Hl7BaselineRoute(baselinePort));
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put(BASELINE, baselinePort);
            ports.put(GATEWAY, gateway.hl7Port());
            return new Hl7Benchmark(settings, gateway.context(), ports, out).measure();
        } finally {
            BenchEnvironment.deleteTree(folder);
        }
    }

    private Hl7BenchReport measure() throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> environment = BenchEnvironment.capture();
        environment.put("earlierBuckets", BenchEnvironment.fillRetentionWindow(
                context.getRegistry().lookupByNameAndType("regionalStore", RegionalStore.class)));
        int warmupConnections = Collections.max(settings.concurrencies());
        out.printf("gateway up; warm-up: %d messages to each target at concurrency %d%n", settings.warmup(),
                warmupConnections);
        JitWarmup.untilQuiet(settings.warmup(), settings.warmupMax(), () -> {
            for (String target : ports.keySet()) {
                closedLoop(target, warmupConnections, settings.warmup(), true);
            }
        }, out);
        List<Hl7Result> results = new ArrayList<>();
        for (int connections : settings.concurrencies()) {
            out.printf("closed loop, %d connections: %d messages to each target%n", connections, settings.messages());
            for (String target : ports.keySet()) {
                results.add(closedLoop(target, connections, settings.messages(), false));
            }
        }
        for (int rate : settings.rates()) {
            if (settings.openMessages(rate) == 0) {
                continue;
            }
            out.printf("open loop: %d messages/s for %d s to each target on %d connections%n", rate,
                    settings.openSeconds(), settings.openConnections());
            for (String target : ports.keySet()) {
                results.add(openLoop(target, rate));
            }
        }
        return new Hl7BenchReport(startedAt, settings(), environment, results, notAa.sum(), failures.counts());
    }

    /** {@code connections} clients, each sending its next message when the last is ACKed. */
    private Hl7Result closedLoop(String target, int connections, int count, boolean warmup)
            throws InterruptedException, IOException {
        double load = BenchEnvironment.loadAverage();
        String label = (warmup ? "[warm-up] " : "") + target + " closed " + connections;
        Latencies latencies = new Latencies();
        Progress progress = warmup ? Progress.quiet(label, count) : new Progress(target + "/" + connections, count, out);
        long notAaBefore = notAa.sum();
        MllpConnection[] clients = connect(target, connections);
        long cpu = BenchEnvironment.processCpuNanos();
        JitWarmup.Mark jit = JitWarmup.Mark.now();
        long start = System.nanoTime();
        long nanos;
        try {
            nanos = ClosedLoop.run(count, connections, (client, index) -> {
                byte[] message = messages.message(sequence.getAndIncrement());
                long sent = System.nanoTime();
                clients[client] = send(clients[client], target, message, sent, latencies, label);
                progress.advance();
            });
        } finally {
            close(clients);
        }
        double drained = drain(target, start);
        return new Hl7Result(target, "closed", connections, 0, PhaseResult.of(target, latencies.count(), nanos, latencies),
                notAa.sum() - notAaBefore, rate(latencies.count(), drained), drained, cpuMs(cpu, count), jit.jitShare(),
                load);
    }

    /**
     * Message i is due at start + i / rate; a connection takes the next due message when free, so a
     * slow ACK delays later messages and that delay counts in their latency (no coordinated omission).
     */
    private Hl7Result openLoop(String target, int rate) throws InterruptedException, IOException {
        double load = BenchEnvironment.loadAverage();
        int count = settings.openMessages(rate);
        long interval = 1_000_000_000L / rate;
        String label = target + " open " + rate + "/s";
        Latencies latencies = new Latencies();
        Progress progress = new Progress(target + "/" + rate + "/s", count, out);
        long notAaBefore = notAa.sum();
        MllpConnection[] clients = connect(target, settings.openConnections());
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastAck = new AtomicLong();
        long cpu = BenchEnvironment.processCpuNanos();
        JitWarmup.Mark jit = JitWarmup.Mark.now();
        long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients.length; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    byte[] message = messages.message(sequence.getAndIncrement());
                    long due = start + i * interval;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    clients[client] = send(clients[client], target, message, due, latencies, label);
                    lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                    progress.advance();
                }
            }, "bench-open-" + c);
            thread.start();
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            close(clients);
        }
        double drained = drain(target, start);
        return new Hl7Result(target, "open", clients.length, rate,
                PhaseResult.of(target, latencies.count(), lastAck.get() - start, latencies), notAa.sum() - notAaBefore,
                rate(latencies.count(), drained), drained, cpuMs(cpu, count), jit.jitShare(), load);
    }

    /**
     * Sends one message and records its latency from {@code since} if it was AA'd; anything else is
     * counted as not AA. Returns the connection to use next (a new one if this one broke).
     */
    private MllpConnection send(MllpConnection connection, String target, byte[] message, long since,
            Latencies latencies, String label) {
        try {
            String ack = connection.exchange(message);
            long answered = System.nanoTime();
            String code = MllpConnection.ackCode(ack);
            if (code.equals("AA")) {
                latencies.record(answered - since);
            } else {
                notAa.increment();
                failures.record(label + " -> MSA-1 " + code);
            }
            return connection;
        } catch (IOException e) {
            notAa.increment();
            failures.record(label, e);
            try {
                connection.close();
                return new MllpConnection("localhost", ports.get(target));
            } catch (IOException reconnect) {
                throw new IllegalStateException("cannot reconnect to the " + target + " MLLP port", reconnect);
            }
        }
    }

    /**
     * For the gateway: waits until every job of the step has left inference (the seda queue is empty and
     * nothing is in flight in the inference route); returns seconds from the step's start, or 0 for the baseline.
     */
    private double drain(String target, long start) throws InterruptedException {
        if (!target.equals(GATEWAY)) {
            return 0;
        }
        SedaEndpoint inference = context.getEndpoints().stream().filter(SedaEndpoint.class::isInstance)
                .map(SedaEndpoint.class::cast).filter(e -> e.getEndpointKey().startsWith("seda://inference"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no seda:inference endpoint"));
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.drainTimeoutSeconds()).toNanos();
        while (inference.getCurrentQueueSize() > 0 || context.getInflightRepository().size("inference") > 0) {
            if (System.nanoTime() > deadline) {
                failures.record(target + " inference backlog not drained within " + settings.drainTimeoutSeconds() + " s");
                break;
            }
            Thread.sleep(2);
        }
        return Math.round((System.nanoTime() - start) / 1e6) / 1e3;
    }

    private static double cpuMs(long cpuAtStart, int messages) {
        return Math.round((BenchEnvironment.processCpuNanos() - cpuAtStart) / 1e3 / messages) / 1e3;
    }

    private static double rate(long count, double seconds) {
        return seconds > 0 ? Math.round(count / seconds * 10) / 10.0 : 0;
    }

    private MllpConnection[] connect(String target, int connections) throws IOException {
        MllpConnection[] clients = new MllpConnection[connections];
        for (int c = 0; c < connections; c++) {
            clients[c] = new MllpConnection("localhost", ports.get(target));
        }
        return clients;
    }

    private static void close(MllpConnection[] clients) throws IOException {
        for (MllpConnection client : clients) {
            if (client != null) {
                client.close();
            }
        }
    }

    private Map<String, Object> settings() {
        IntSummaryStatistics bytes = IntStream.range(0, SyntheticOruMessage.VARIANTS)
                .map(v -> messages.message(v).length).summaryStatistics();
        IntSummaryStatistics chars = IntStream.range(0, SyntheticOruMessage.VARIANTS)
                .map(v -> SyntheticOruMessage.report(v).length()).summaryStatistics();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("concurrencies", settings.concurrencies());
        map.put("messages", settings.messages());
        map.put("warmup", settings.warmup());
        map.put("warmupMax", settings.warmupMax().toString());
        map.put("rates", settings.rates());
        map.put("openSeconds", settings.openSeconds());
        map.put("openConnections", settings.openConnections());
        map.put("messageType", "ORU^R01, sender LIS^GENHOSP, one TX OBX per report line, unique MSH-10");
        map.put("reportVariants", SyntheticOruMessage.VARIANTS);
        map.put("messageBytes", "%d-%d (avg %.0f)".formatted(bytes.getMin(), bytes.getMax(), bytes.getAverage()));
        map.put("reportChars", "%d-%d (avg %.0f)".formatted(chars.getMin(), chars.getMax(), chars.getAverage()));
        map.put("client", "plain sockets, MLLP framing, one thread per connection");
        return map;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
