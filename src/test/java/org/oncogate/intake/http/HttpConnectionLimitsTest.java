package org.oncogate.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.RunningGateway;

/**
 * The HTTP port's connection rules, over raw sockets (an HTTP client library would hide the
 * connection): a third connection beyond max-connections 2 gets 503 and is closed,
 * a body that stops arriving gets 408 within read-timeout and nothing is stored, a kept-alive
 * connection without requests is closed after idle-timeout; the port serves others all the while.
 */
class HttpConnectionLimitsTest {

    /** A request any client may make: one of the OpenAPI documents the port serves. */
    private static final String DOCUMENT = "GET /openapi/2023-09-01-preview.json HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @TempDir
    Path folder;
    private RunningGateway gateway;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        gateway.close();
    }

    @Test
    void aConnectionBeyondTheLimitGets503WithRetryAfterAndTheNextOneAfterACloseIsServed() throws Exception {
        start(Map.of("oncogate.http.max-connections", "2", "oncogate.http.idle-timeout", "PT60S"));
        Socket first = connect();
        Socket second = connect();
        assertThat(exchange(first, DOCUMENT)).startsWith("HTTP/1.1 200");
        assertThat(exchange(second, DOCUMENT)).startsWith("HTTP/1.1 200");

        Socket third = connect();
        String refused = exchange(third, DOCUMENT);
        assertThat(refused).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 1")
                .contains("TooManyConnections");
        assertThat(closedByServer(third, Duration.ofSeconds(5))).as("the refused connection is closed").isTrue();
        assertThat(refusals("too-many-connections")).isEqualTo(1.0);
        assertThat(refusals("read-timeout")).isZero();
        assertThat(exchange(first, DOCUMENT)).as("the open ones are still served").startsWith("HTTP/1.1 200");

        first.close();
        String served = awaitServed(Duration.ofSeconds(10));
        assertThat(served).as("a slot freed by a close is taken again").startsWith("HTTP/1.1 200");
    }

    @Test
    void aBodyThatStopsArrivingGets408AndNothingIsStored() throws Exception {
        start(Map.of("oncogate.http.read-timeout", "PT1S"));
        Socket slow = connect();
        OutputStream out = slow.getOutputStream();
        out.write(("POST /health-insights/onco-phenotype/jobs?api-version=2023-03-01-preview HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"patients\":[")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String answer = readResponse(slow.getInputStream());
        assertThat(answer).startsWith("HTTP/1.1 408").contains("RequestTimeout");
        assertThat(closedByServer(slow, Duration.ofSeconds(5))).as("the slow connection is closed").isTrue();
        assertThat(gateway.storedBytes()).as("bytes under data/store").isZero();
        assertThat(refusals("read-timeout")).isEqualTo(1.0);
        assertThat(exchange(connect(), DOCUMENT)).as("others are served").startsWith("HTTP/1.1 200");
    }

    @Test
    void aKeptAliveConnectionWithoutRequestsIsClosedAfterTheIdleTimeout() throws Exception {
        start(Map.of("oncogate.http.idle-timeout", "PT1S"));
        Socket idle = connect();
        assertThat(exchange(idle, DOCUMENT)).startsWith("HTTP/1.1 200");
        Socket busy = connect();
        for (int i = 0; i < 4; i++) { // requests 0.5 s apart keep a connection open past the 1 s idle timeout
            assertThat(exchange(busy, DOCUMENT)).startsWith("HTTP/1.1 200");
            Thread.sleep(500);
        }
        assertThat(closedByServer(idle, Duration.ofSeconds(5))).as("the idle connection is closed").isTrue();
        assertThat(exchange(busy, DOCUMENT)).as("the busy one is still open").startsWith("HTTP/1.1 200");
    }

    private void start(Map<String, String> overrides) throws Exception {
        gateway = RunningGateway.start(folder, Clock.systemUTC(), overrides);
    }

    /** The refusals counted under {@code oncogate.http.refusals} for a reason. */
    private double refusals(String reason) {
        return gateway.bean(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class)
                .get("oncogate.http.refusals").tag("outcome", reason).functionCounter().count();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", Integer.parseInt(gateway.baseUrl().replaceAll(".*:", "")));
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    /** A new connection is served once the gateway has seen the earlier close. */
    private String awaitServed(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String answer;
        do {
            answer = exchange(connect(), DOCUMENT);
        } while (!answer.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline);
        return answer;
    }

    private static String exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return readResponse(socket.getInputStream());
    }

    /** The status line, headers and a Content-Length body of one response (the socket's timeout bounds each read). */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0);
        byte[] body = in.readNBytes(length);
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the server closes the connection within the limit (the read sees the end of the stream). */
    private static boolean closedByServer(Socket socket, Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
