package org.oncogate.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real gateway in a child JVM ({@code org.oncogate.Oncogate} on the test classpath), with its
 * data, keys and ports in a test folder, so that a test can kill it with {@code kill -9}
 * ({@link #kill()}). Its output is appended to {@code gateway.out} in the folder; its log also goes to
 * the run's test log, which the PHI canary guard scans.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path folder;
    private final int httpPort;
    private final int hl7Port;

    private GatewayProcess(Process process, Path folder, int httpPort, int hl7Port) {
        this.process = process;
        this.folder = folder;
        this.httpPort = httpPort;
        this.hl7Port = hl7Port;
    }

    /** Starts a gateway on fresh ports; {@code properties} are passed as {@code -Dkey=value}. */
    public static GatewayProcess start(Path folder, Map<String, String> properties) throws IOException {
        int httpPort = freePort();
        int hl7Port = freePort();
        String log = System.getProperty("oncogate.test-log", "target/test-logs/oncogate-test.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Doncogate.test-log=" + Path.of(log).toAbsolutePath(),
                "-Doncogate.data-dir=" + folder.resolve("data"),
                "-Doncogate.kek=dev",
                "-Doncogate.kek.dev-dir=" + folder.resolve("dev-kek"),
                "-Dcamel.server.port=" + httpPort,
                "-Dcamel.management.port=" + httpPort,
                "-Doncogate.hl7.port=" + hl7Port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("org.oncogate.Oncogate");
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("gateway.out").toFile()))
                .start();
        return new GatewayProcess(process, folder, httpPort, hl7Port);
    }

    /** Waits until {@code /observe/health} answers 200 (all routes, the MLLP listener too, are started). */
    public GatewayProcess awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/observe/health")).build();
        RunningGateway.await("the gateway to start", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + "\n" + outputTail(40));
            }
            try {
                return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return this;
    }

    /** kill -9: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public int hl7Port() {
        return hl7Port;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The last lines the gateway printed, for a failure message. */
    public String outputTail(int lines) {
        try {
            List<String> output = Files.readAllLines(folder.resolve("gateway.out"));
            return String.join("\n", output.subList(Math.max(0, output.size() - lines), output.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Kills the gateway, then fails if its usage reports or audit log hold the PHI canary. */
    @Override
    public void close() throws InterruptedException {
        kill();
        PhiCanaryScan.assertGatewayDataClean(folder.resolve("data"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
