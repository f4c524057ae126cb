package org.oncogate.inference.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a remote Onco-Phenotype service that answers as a test scripts it: each POST and
 * each GET takes the next scripted answer (the last one repeats), possibly after a delay. It
 * records every request it received.
 */
final class ScriptedService implements AutoCloseable {

    /** One scripted answer. */
    record Answer(int status, Map<String, String> headers, String body, Duration delay) {

        /** The connection is closed without an answer. */
        static Answer hangUp() {
            return new Answer(-1, Map.of(), null, Duration.ZERO);
        }

        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body, Duration.ZERO);
        }

        Answer with(String header, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(header, value);
            return new Answer(status, Map.copyOf(more), body, delay);
        }

        Answer after(Duration wait) {
            return new Answer(status, headers, body, wait);
        }
    }

    /** What the service received. */
    record Request(String method, URI uri, Map<String, List<String>> headers, String body, long nanoTime) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Answer> posts = new ConcurrentLinkedDeque<>();
    private final Deque<Answer> gets = new ConcurrentLinkedDeque<>();
    private final List<Request> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Where the scripted job lives; put it in an Operation-Location. */
    String jobUrl() {
        return baseUrl() + RemoteEndpoint.JOBS_PATH + "/job-1?api-version=" + RemoteEndpoint.API_VERSION;
    }

    ScriptedService onPost(Answer... answers) {
        posts.addAll(List.of(answers));
        return this;
    }

    ScriptedService onGet(Answer... answers) {
        gets.addAll(List.of(answers));
        return this;
    }

    List<Request> received(String method) {
        synchronized (received) {
            return received.stream().filter(r -> r.method().equals(method)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
        Deque<Answer> script = "POST".equals(exchange.getRequestMethod()) ? posts : gets;
        Answer answer = script.size() > 1 ? script.pollFirst() : script.peekFirst();
        try (exchange) {
            if (answer == null) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            Thread.sleep(answer.delay().toMillis());
            if (answer.status() < 0) {
                exchange.getResponseBody().close();
                return;
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up waiting (a read timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
