package org.oncogate.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.oncogate.job.JobError;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobOrigin;
import org.oncogate.job.JobRecord;
import org.oncogate.job.JobRequest;
import org.oncogate.job.JobService;
import org.oncogate.job.JobState;
import org.oncogate.job.RejectedInputException;
import org.oncogate.job.UnreadableInputException;
import org.oncogate.subscription.RateLimitExceededException;
import org.oncogate.subscription.RequestRateLimit;
import org.oncogate.subscription.Subscription;
import org.oncogate.subscription.Subscriptions;
import org.oncogate.text.TextDecoder;
import org.oncogate.text.UndecodableTextException;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Onco-Phenotype-compatible job API: reads and answers HTTP, hands jobs to the one pipeline.
 * Checks run in the hosted service's order: key (401), region (403), the subscription's request
 * rate (429), api-version (400), media type (415), size (413), body (400). Nothing is stored before
 * all of them pass.
 */
public final class JobApi {

    public static final String CHANNEL = "job-api";
    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    private static final String JOB = "oncogate.job";
    private static final String OPERATION = "oncogate.operation";
    private static final String SUBSCRIPTION = "oncogate.subscription";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger LOG = LoggerFactory.getLogger(JobApi.class);

    private final JobService jobs;
    private final Subscriptions subscriptions;
    private final UsageCounters usage;
    private final String region;
    private final long maxBodySize;
    private final RequestRateLimit rate;

    public JobApi(JobService jobs, Subscriptions subscriptions, UsageCounters usage, String region, long maxBodySize,
                  RequestRateLimit rate) {
        this.jobs = jobs;
        this.subscriptions = subscriptions;
        this.usage = usage;
        this.region = region;
        this.maxBodySize = maxBodySize;
        this.rate = rate;
    }

    /**
     * POST .../jobs, first half: checks the request and stores the job durably. The body becomes the
     * job id, for the route to hand a new job to inference; {@link #accepted} then answers.
     */
    public String submit(Exchange exchange) throws ApiException, RejectedInputException, IOException {
        exchange.setProperty(OPERATION, "submit");
        Message in = exchange.getIn();
        Subscription subscription = authorize(exchange);
        version(in);
        requireJson(in.getHeader(Exchange.CONTENT_TYPE, String.class));
        String requestId = in.getHeader(Repeatability.REQUEST_ID, String.class);
        Repeatability.validate(requestId, in.getHeader(Repeatability.FIRST_SENT, String.class));
        JobRequest request = request(body(in));
        JobOrigin origin = new JobOrigin(CHANNEL, subscription.name(), null);
        JobRecord job;
        boolean created;
        if (requestId == null) {
            job = new JobRecord(origin, jobs.accept(request, origin));
            created = true;
        } else {
            JobService.Acceptance acceptance = jobs.acceptOnce(Repeatability.jobId(subscription.name(), requestId),
                    request, origin);
            job = acceptance.job();
            created = !acceptance.duplicate();
        }
        exchange.setProperty(JobService.NEW_JOB, created);
        exchange.setProperty(JOB, job);
        usage.record(UsageEvent.call(CHANNEL, "submit", subscription.name(), created ? "accepted" : "repeated"));
        LOG.info("job API: job {} {} for subscription {}", job.id(), created ? "accepted" : "repeated",
                subscription.name());
        return job.id();
    }

    /** POST .../jobs, second half: 202 with the job's location, once it is durable. */
    public void accepted(Exchange exchange) throws ApiException {
        Message in = exchange.getIn();
        ApiVersion version = version(in);
        JobRecord job = exchange.getProperty(JOB, JobRecord.class);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Operation-Location", location(in, version, job.id()));
        headers.put(RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (in.getHeader(Repeatability.REQUEST_ID) != null) {
            headers.put(Repeatability.RESULT, "accepted");
        }
        answer(in, 202, view(version, job.state()), headers);
    }

    /** GET .../jobs/{id}: the job in the version's shape, while it is retained. */
    public void get(Exchange exchange) throws ApiException, IOException {
        exchange.setProperty(OPERATION, "get");
        Message in = exchange.getIn();
        Subscription subscription = authorize(exchange);
        ApiVersion version = version(in);
        String id = Optional.ofNullable(in.getHeader("id", String.class)).orElse(in.getHeader("jobId", String.class));
        JobRecord job = (id == null || !id.matches("[0-9a-f-]{36}") ? Optional.<JobRecord>empty() : jobs.find(id))
                .filter(j -> j.isOwnedBy(subscription.name()))
                .orElseThrow(() -> new JobNotFoundException("NotFound",
                        "no job with this id exists for this subscription; results are kept for 24 hours", "id"));
        answer(in, 200, view(version, job.state()),
                job.state().status().isFinal() ? Map.of() : Map.of(RETRY_AFTER, RETRY_AFTER_SECONDS));
        usage.record(UsageEvent.call(CHANNEL, "get", subscription.name(), "ok"));
    }

    /** Turns a refusal into the Azure error envelope with its status and {@code x-ms-error-code}. */
    public void failure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status;
        JobError error;
        Map<String, String> headers = new LinkedHashMap<>();
        if (cause instanceof TooManyRequestsException throttled) {
            headers.put(RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        }
        if (cause instanceof ApiException refusal) {
            status = refusal.status();
            error = refusal.error();
        } else if (cause instanceof RejectedInputException rejected) {
            status = 400;
            error = rejected.error();
        } else {
            status = 500;
            error = JobError.of("InternalServerError", "the gateway failed to handle this request", null);
            LOG.error("job API: unexpected {}", cause == null ? "failure" : cause.getClass().getName());
        }
        headers.put("x-ms-error-code", error.code());
        answer(exchange.getIn(), status, new ErrorResponse(error), headers);
        String subscription = exchange.getProperty(SUBSCRIPTION, "unknown", String.class);
        String operation = exchange.getProperty(OPERATION, "unknown", String.class);
        usage.record(UsageEvent.call(CHANNEL, operation, subscription, UsageEvent.httpOutcome(status)));
        LOG.info("job API: {} refused with {} {}", operation, status, error.code());
    }

    /** The Azure.Core error envelope. */
    record ErrorResponse(JobError error) {
    }

    private static JobRequest request(byte[] body) throws RejectedInputException {
        try {
            return JobJson.readRequest(TextDecoder.decode(body));
        } catch (UndecodableTextException e) {
            throw new UnreadableInputException(JobError.of("InvalidRequestBody", "the body is not valid UTF-8",
                    "byte " + e.byteOffset()));
        }
    }

    private Subscription authorize(Exchange exchange) throws ApiException {
        Subscription subscription = subscriptions.authenticate(exchange.getIn().getHeader(KEY_HEADER, String.class))
                .orElseThrow(() -> new UnauthorizedException("Unauthorized",
                        "access denied: a valid Ocp-Apim-Subscription-Key header is required", KEY_HEADER));
        exchange.setProperty(SUBSCRIPTION, subscription.name());
        if (!subscription.region().equals(region)) {
            throw new RegionMismatchException("SubscriptionRegionMismatch",
                    "this subscription is bound to another region than the one this endpoint serves", null);
        }
        try {
            rate.admit(subscription);
        } catch (RateLimitExceededException e) {
            throw new TooManyRequestsException(e.retryAfterSeconds());
        }
        return subscription;
    }

    private static ApiVersion version(Message in) throws ApiException {
        String requested = in.getHeader("api-version", String.class);
        if (requested == null || requested.isBlank()) {
            throw new UnsupportedApiVersionException("MissingApiVersionParameter",
                    "the api-version query parameter is required", "api-version");
        }
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        Optional<ApiVersion> served = ApiVersion.servedAt(path);
        return ApiVersion.find(requested).filter(v -> served.isEmpty() || served.get() == v).orElseThrow(() ->
                new UnsupportedApiVersionException("UnsupportedApiVersionValue",
                        "this path serves api-version " + served.map(ApiVersion::wireName).orElse("(none)"),
                        "api-version"));
    }

    private static void requireJson(String contentType) throws ApiException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new UnsupportedMediaTypeException("UnsupportedMediaType",
                    "the request body must be application/json", "Content-Type");
        }
    }

    private byte[] body(Message in) throws ApiException, IOException {
        Object raw = in.getBody();
        byte[] body = raw instanceof InputStream stream ? stream.readNBytes((int) Math.min(maxBodySize + 1, Integer.MAX_VALUE))
                : in.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > maxBodySize) {
            throw new BodyTooLargeException("RequestTooLarge",
                    "the request body exceeds " + maxBodySize + " bytes", null);
        }
        return body;
    }

    /** The job's absolute URL, on the scheme, host and port the request came in on. */
    private static String location(Message in, ApiVersion version, String id) {
        URI requested = URI.create(in.getHeader(Exchange.HTTP_URL, String.class));
        return requested.getScheme() + "://" + requested.getRawAuthority() + version.jobsPath() + "/" + id
                + "?api-version=" + version.wireName();
    }

    static Object view(ApiVersion version, JobState state) {
        return version == ApiVersion.V2023_03_01_PREVIEW ? LegacyJobResult.of(state) : state;
    }

    /** Replaces every header (request headers, the key among them, must not echo back) by the answer's. */
    private static void answer(Message in, int status, Object body, Map<String, String> headers) {
        in.removeHeaders("*");
        headers.forEach(in::setHeader);
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(JobJson.write(body));
    }
}
