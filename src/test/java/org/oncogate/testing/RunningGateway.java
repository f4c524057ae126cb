package org.oncogate.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.oncogate.OncogateConfiguration;

/**
 * The real gateway (the shipped configuration and routes, as {@code java -jar} starts it) with its
 * data, keys and port moved into a test folder.
 */
public final class RunningGateway implements AutoCloseable {

    /** Overrides adding subscription {@code abroad} (key {@code abroad-key}), bound to region us-east, beside {@code default}. */
    public static final Map<String, String> ABROAD = Map.of(
            "oncogate.subscriptions", "default,abroad",
            "oncogate.subscription.abroad.region", "us-east",
            // SHA-256 of "abroad-key"
            "oncogate.subscription.abroad.key-sha256", "6719bae6b9740b8f8c197ceead84aa0744972e6f21b64ac9509296c1f028b983");

    private static final int START_ATTEMPTS = 3;

    private final Main main;
    private final Path dataDir;
    private final int port;
    private final int hl7Port;

    private RunningGateway(Main main, Path dataDir, int port, int hl7Port) {
        this.main = main;
        this.dataDir = dataDir;
        this.port = port;
        this.hl7Port = hl7Port;
    }

    /**
     * Starts the gateway on free ports. A port found free can be taken by another process before the gateway
     * binds it; the gateway then starts again on other ports (at most {@link #START_ATTEMPTS} times).
     */
    public static RunningGateway start(Path folder, Clock clock, Map<String, String> overrides) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Main main = configured(folder, clock, overrides);
            RunningGateway gateway = new RunningGateway(main, folder.resolve("data"),
                    Integer.parseInt(main.getInitialProperties().getProperty("camel.server.port")),
                    Integer.parseInt(main.getInitialProperties().getProperty("oncogate.hl7.port")));
            try {
                main.start();
                return gateway;
            } catch (RuntimeException e) {
                main.stop();
                if (attempt == START_ATTEMPTS || !portTaken(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** A configured but not started gateway, for tests of start-up itself. */
    public static Main configured(Path folder, Clock clock, Map<String, String> overrides) throws IOException {
        Main main = new Main();
        main.configure().addConfiguration(OncogateConfiguration.class);
        int port = freePort();
        main.addOverrideProperty("oncogate.data-dir", folder.resolve("data").toString());
        main.addOverrideProperty("oncogate.kek", "dev"); // the explicit development mode; a test may override it
        main.addOverrideProperty("oncogate.kek.dev-dir", folder.resolve("dev-kek").toString());
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        main.addOverrideProperty("camel.management.port", Integer.toString(port));
        main.addOverrideProperty("oncogate.inbox.poll-delay", "100");
        main.addOverrideProperty("oncogate.inbox.read-lock-min-age", "200");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        int hl7Port = freePort();
        main.addOverrideProperty("oncogate.hl7.port", Integer.toString(hl7Port));
        main.addInitialProperty("oncogate.hl7.port", Integer.toString(hl7Port));
        overrides.forEach(main::addOverrideProperty);
        main.bind("clock", clock);
        return main;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path inbox(String subscription) throws IOException {
        return Files.createDirectories(dataDir.resolve("inbox").resolve(subscription));
    }

    public Path outbox(String subscription) {
        return dataDir.resolve("outbox").resolve(subscription);
    }

    /** Bytes in all files under data/store (payloads and keys): zero until something is stored. */
    public long storedBytes() throws IOException {
        Path store = dataDir.resolve("store");
        if (!Files.exists(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    public int hl7Port() {
        return hl7Port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits for a condition the gateway brings about asynchronously (not a timing assertion). */
    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + limit);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the gateway, then fails if what it keeps beyond the purge (usage reports, audit log) holds the PHI canary. */
    @Override
    public void close() {
        main.stop();
        PhiCanaryScan.assertGatewayDataClean(dataDir);
    }
}
