package org.oncogate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed loop: {@code concurrency} virtual clients, each sending its next request only when the
 * last one was answered, until {@code count} requests have been sent.
 */
final class ClosedLoop {

    /** One request of the loop; it handles its own failures. */
    @FunctionalInterface
    interface Request {
        void send(int index) throws InterruptedException;
    }

    /** One request, told which client (0 to concurrency-1) sends it, e.g. to use that client's connection. */
    @FunctionalInterface
    interface ClientRequest {
        void send(int client, int index) throws InterruptedException;
    }

    private ClosedLoop() {
    }

    /** Sends requests 0 to count-1 and returns the nanoseconds from the first send to the last answer. */
    static long run(int count, int concurrency, Request request) throws InterruptedException {
        return run(count, concurrency, (client, index) -> request.send(index));
    }

    /** Like {@link #run(int, int, Request)}, each client sending on its own (e.g. its own connection). */
    static long run(int count, int concurrency, ClientRequest request) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        request.send(client, i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-client-" + c);
            thread.start();
            clients.add(thread);
        }
        for (Thread thread : clients) {
            thread.join();
        }
        return System.nanoTime() - start;
    }
}
