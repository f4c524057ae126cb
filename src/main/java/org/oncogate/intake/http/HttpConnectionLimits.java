package org.oncogate.intake.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.oncogate.job.JobError;
import org.oncogate.job.JobJson;
import org.oncogate.usage.UsageCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP port's connection rules, for every path on it (job API, FHIR, observability), run before
 * any of them: at most {@code maxConnections} connections at once (one more gets 503 with
 * {@code Retry-After} and is closed); a request whose body has not fully arrived within
 * {@code readTimeout} gets 408 and its connection is closed; a kept-alive connection with no request
 * for {@code idleTimeout} is closed. A connection counts from its first request until it closes.
 * All state of one connection is touched on its own event loop only.
 */
public final class HttpConnectionLimits implements Handler<RoutingContext> {

    /** The limits, each from its {@code oncogate.http.*} key. */
    public record Settings(int maxConnections, Duration readTimeout, Duration idleTimeout) {
        public Settings {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("oncogate.http.max-connections must be at least 1");
            }
            if (readTimeout.toMillis() < 1 || idleTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("oncogate.http.read-timeout and idle-timeout must be positive");
            }
        }
    }

    static final String RETRY_AFTER_SECONDS = "1";
    private static final int FIRST = -1_000;
    private static final String REFUSED = "oncogate.http.refused";
    private static final String REFUSALS = "oncogate.http.refusals";
    private static final String REFUSALS_DESCRIPTION = "HTTP requests refused by the connection limits, by reason";
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnectionLimits.class);

    /** Requests in flight on one connection, and the timer that closes it once it idles. */
    private static final class Tracked {
        private int active;
        private long idleTimer = -1;
    }

    private final Vertx vertx;
    private final Settings settings;
    private final Map<HttpConnection, Tracked> open = new ConcurrentHashMap<>();
    private final LongAdder refusedConnections = new LongAdder();
    private final LongAdder readTimeouts = new LongAdder();

    public HttpConnectionLimits(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
    }

    /**
     * Puts the limits in front of every route of the platform-http server once it exists (the routes
     * are not started yet), and exposes their counts as metrics.
     */
    public static void install(CamelContext context, int port, Settings settings, UsageCounters usage) throws Exception {
        AtomicBoolean installed = new AtomicBoolean();
        context.addStartupListener((started, alreadyStarted) -> {
            if (installed.getAndSet(true)) {
                return; // called again when routes are added to the running context
            }
            VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(started,
                    VertxPlatformHttpRouter.getRouterNameFromPort(port));
            HttpConnectionLimits limits = new HttpConnectionLimits(router.vertx(), settings);
            router.route().order(FIRST).handler(limits).failureHandler(HttpConnectionLimits::afterRefusal);
            usage.gauge("oncogate.http.connections", "HTTP connections open now", null, limits::openConnections);
            usage.countFrom(REFUSALS, REFUSALS_DESCRIPTION, "too-many-connections", limits::refusedConnections);
            usage.countFrom(REFUSALS, REFUSALS_DESCRIPTION, "read-timeout", limits::readTimeouts);
        });
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        Tracked tracked = open.get(connection);
        if (tracked == null) {
            if (open.size() >= settings.maxConnections()) {
                refusedConnections.increment();
                LOG.warn("HTTP: a new connection refused, {} are open (oncogate.http.max-connections)", open.size());
                refuse(context, 503, "TooManyConnections",
                        "the gateway serves at most " + settings.maxConnections() + " HTTP connections at once; retry");
                return;
            }
            Tracked created = new Tracked();
            open.put(connection, created);
            connection.closeHandler(closed -> forget(connection, created));
            tracked = created;
        }
        begin(tracked);
        long readTimer = vertx.setTimer(settings.readTimeout().toMillis(), fired -> {
            if (!request.isEnded()) {
                readTimeouts.increment();
                LOG.warn("HTTP: a request body did not arrive within {} (oncogate.http.read-timeout)",
                        settings.readTimeout());
                refuse(context, 408, "RequestTimeout",
                        "the request did not arrive within " + settings.readTimeout() + "; resend it");
            }
        });
        Tracked current = tracked;
        context.addEndHandler(done -> {
            vertx.cancelTimer(readTimer);
            end(connection, current);
        });
        context.next();
    }

    /**
     * A refused request's later handlers fail when its connection closes (a body handler sees it
     * closed); the client has its answer, so that failure is expected and goes no further.
     */
    private static void afterRefusal(RoutingContext context) {
        if (context.get(REFUSED) == null) {
            context.next();
        }
    }

    /** Connections counted now. */
    public int openConnections() {
        return open.size();
    }

    /** New connections refused because {@code maxConnections} were open. */
    public long refusedConnections() {
        return refusedConnections.sum();
    }

    /** Requests answered 408 because their body was too slow. */
    public long readTimeouts() {
        return readTimeouts.sum();
    }

    private void begin(Tracked tracked) {
        if (tracked.idleTimer >= 0) {
            vertx.cancelTimer(tracked.idleTimer);
            tracked.idleTimer = -1;
        }
        tracked.active++;
    }

    private void end(HttpConnection connection, Tracked tracked) {
        tracked.active--;
        if (tracked.active == 0 && open.containsKey(connection)) {
            tracked.idleTimer = vertx.setTimer(settings.idleTimeout().toMillis(), fired -> connection.close());
        }
    }

    private void forget(HttpConnection connection, Tracked tracked) {
        open.remove(connection);
        if (tracked.idleTimer >= 0) {
            vertx.cancelTimer(tracked.idleTimer);
        }
    }

    /** Answers in the job API's error envelope (it names the rule, never the request) and closes the connection. */
    private static void refuse(RoutingContext context, int status, String code, String message) {
        HttpServerResponse response = context.response();
        HttpConnection connection = context.request().connection();
        context.put(REFUSED, status);
        if (response.headWritten()) {
            connection.close();
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                .putHeader("x-ms-error-code", code);
        if (status == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        response.end(Buffer.buffer(JobJson.write(Map.of("error", JobError.of(code, message, null)))))
                .onComplete(written -> connection.close());
    }
}
