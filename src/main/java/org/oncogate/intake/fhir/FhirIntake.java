package org.oncogate.intake.fhir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Resource;
import org.oncogate.job.InvalidJobException;
import org.oncogate.job.JobOrigin;
import org.oncogate.job.JobService;
import org.oncogate.subscription.RateLimitExceededException;
import org.oncogate.subscription.RequestRateLimit;
import org.oncogate.subscription.Subscription;
import org.oncogate.subscription.Subscriptions;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR rest-hook channel: {@code POST|PUT <path>/<source>[/<Type>[/<id>]]}. Checks run in this
 * order, and nothing is stored before all pass: the source's shared secret (401), its
 * subscription's region (403), its subscription's request rate (429 with {@code Retry-After}), size (413), media type (415), the body (400), what it holds (422),
 * reading focus resources back (503). Then every document becomes a job, stored once (its id derives
 * from source, type, id and version, so a redelivered notification finds its jobs), and the answer
 * is 200 with an {@code OperationOutcome} naming the jobs. Handshakes and heartbeats are answered
 * 200 and store nothing.
 */
public final class FhirIntake {

    public static final String CHANNEL = "fhir";
    /** The exchange property holding the ids of the jobs a notification created, for inference. */
    public static final String NEW_JOBS = "oncogateNewJobs";
    private static final String SOURCE = "oncogate.fhirSource";
    private static final Logger LOG = LoggerFactory.getLogger(FhirIntake.class);

    /** What the intake is configured with. */
    public record Settings(String path, String secretHeader, long maxBodySize, Duration pingLookback, RequestRateLimit rate) {
    }

    private final FhirParsing parsing;
    private final FhirDocumentMapper mapper;
    private final FhirSources sources;
    private final Map<String, FhirSourceClient> clients;
    private final Subscriptions subscriptions;
    private final JobService jobs;
    private final UsageCounters usage;
    private final String region;
    private final Settings settings;
    private final Clock clock;

    public FhirIntake(FhirParsing parsing, FhirDocumentMapper mapper, FhirSources sources,
                      Map<String, FhirSourceClient> clients, Subscriptions subscriptions, JobService jobs,
                      UsageCounters usage, String region, Settings settings, Clock clock) {
        this.parsing = parsing;
        this.mapper = mapper;
        this.sources = sources;
        this.clients = Map.copyOf(clients);
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.usage = usage;
        this.region = region;
        this.settings = settings;
        this.clock = clock;
    }

    /** Takes one notification; answers it, and leaves the new jobs' ids in {@link #NEW_JOBS}. */
    public void receive(Exchange exchange) throws FhirRefusal, InvalidJobException, IOException {
        exchange.setProperty(NEW_JOBS, List.of());
        Message in = exchange.getIn();
        List<String> path = path(in.getHeader(Exchange.HTTP_URI, String.class));
        FhirSource source = authorize(exchange, path.get(0), in.getHeader(settings.secretHeader(), String.class));
        byte[] body = body(in);
        FhirParsing.Format format = FhirParsing.format(in.getHeader(Exchange.CONTENT_TYPE, String.class));
        Notification notification = Notification.of(path.size() > 1 ? path.get(1) : null,
                path.size() > 2 ? path.get(2) : null, body.length == 0 ? null : parsing.parse(body, format));
        FhirSourceClient client = clients.get(source.name());
        if (notification.kind() == Notification.Kind.PING) {
            notification = Notification.changedSince(clock.instant().minus(settings.pingLookback()), client);
        }
        OperationOutcome outcome = new OperationOutcome();
        List<FhirDocument> documents = new ArrayList<>();
        for (Notification.Focus focus : notification.foci()) {
            Resource resource = focus.resource() != null ? focus.resource() : client.read(focus.type(), focus.reference());
            try {
                documents.add(mapper.map(resource, client));
            } catch (FhirRefusal refusal) {
                // a ping names no document: one the gateway cannot use is skipped, not a reason to refuse the rest
                if (notification.kind() != Notification.Kind.PING || refusal.reason() != FhirRefusal.Reason.UNPROCESSABLE) {
                    throw refusal;
                }
                outcome.addIssue().setSeverity(IssueSeverity.WARNING).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                        .setDiagnostics("skipped " + resource.fhirType() + "/" + resource.getIdElement().getIdPart() + ": "
                                + refusal.code());
            }
        }
        List<String> created = new ArrayList<>();
        for (FhirDocument document : documents) {
            JobService.Acceptance acceptance = jobs.acceptOnce(jobId(source, document), document.request(),
                    new JobOrigin(CHANNEL, source.subscription(), new FhirReplyTo(source.name(), document.reference()).encode()));
            String id = acceptance.job().id();
            if (!acceptance.duplicate()) {
                created.add(id);
            }
            outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics((acceptance.duplicate() ? "received before as job " : "stored as job ") + id);
            usage.record(new UsageEvent(CHANNEL, "notify", source.subscription(),
                    acceptance.duplicate() ? "repeated" : "accepted", acceptance.duplicate() ? 0 : 1,
                    document.text().length()));
            LOG.info("FHIR {} {}: job {} {}", source.name(), document.reference(), id,
                    acceptance.duplicate() ? "repeated" : "accepted");
        }
        if (documents.isEmpty()) {
            outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics(notification.kind() == Notification.Kind.STATUS_ONLY
                            ? "subscription status received; nothing stored" : "no changed documents; nothing stored");
            usage.record(UsageEvent.call(CHANNEL, "notify", source.subscription(),
                    notification.kind() == Notification.Kind.STATUS_ONLY ? "status" : "empty"));
        }
        exchange.setProperty(NEW_JOBS, created);
        answer(in, 200, outcome);
    }

    /** A refusal (or failure) as an {@code OperationOutcome} with its status; nothing was stored. */
    public void failure(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status;
        OperationOutcome outcome;
        String code;
        if (cause instanceof FhirRefusal refusal) {
            status = refusal.reason().status();
            code = refusal.code();
            outcome = FhirParsing.outcome(IssueSeverity.ERROR, refusal.reason().issueType(), code,
                    refusal.getMessage(), refusal.location());
        } else if (cause instanceof InvalidJobException invalid) {
            status = 422;
            code = invalid.error().code();
            outcome = FhirParsing.outcome(IssueSeverity.ERROR, "business-rule", code, invalid.error().message(),
                    invalid.error().target());
        } else {
            status = 500;
            code = "TemporaryFailure";
            outcome = FhirParsing.outcome(IssueSeverity.ERROR, "exception", code,
                    "the gateway could not store the notification; send it again", null);
            LOG.error("FHIR notification failed: {}", cause == null ? "unknown" : cause.getClass().getName());
        }
        exchange.setProperty(NEW_JOBS, List.of());
        answer(exchange.getIn(), status, outcome);
        if (cause instanceof FhirRefusal refusal && refusal.retryAfterSeconds() > 0) {
            exchange.getIn().setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        FhirSource source = exchange.getProperty(SOURCE, FhirSource.class);
        usage.record(UsageEvent.call(CHANNEL, "notify", source == null ? "unknown" : source.subscription(),
                UsageEvent.httpOutcome(status)));
        LOG.info("FHIR notification refused with {} {}", status, code);
    }

    /** Source, job: a redelivered notification of the same resource version finds its job. */
    static String jobId(FhirSource source, FhirDocument document) {
        return UUID.nameUUIDFromBytes((CHANNEL + "\n" + source.name() + "\n" + document.reference() + "/_history/"
                + document.version()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The path's segments after the channel's path: source, then optionally type and id. */
    private List<String> path(String uri) throws FhirRefusal {
        String path = uri == null ? "" : URI.create(uri).getRawPath();
        String prefix = settings.path().replaceAll("/+$", "") + "/";
        String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        List<String> segments = List.of(rest.split("/"));
        if (rest.isEmpty() || segments.size() > 3 || segments.stream().anyMatch(s -> !s.matches("[A-Za-z0-9.\\-_]{1,64}"))) {
            throw new FhirRefusal(FhirRefusal.Reason.NOT_FOUND, "NotFound",
                    "notifications go to " + prefix + "<source>[/<Type>[/<id>]]", null);
        }
        return segments;
    }

    private FhirSource authorize(Exchange exchange, String name, String secret) throws FhirRefusal {
        FhirSource source = sources.find(name).filter(s -> s.acceptsSecret(secret))
                .orElseThrow(() -> new FhirRefusal(FhirRefusal.Reason.UNAUTHORIZED, "Unauthorized",
                        "a known source and its shared secret in the " + settings.secretHeader() + " header are required",
                        settings.secretHeader()));
        exchange.setProperty(SOURCE, source);
        Subscription subscription = subscriptions.find(source.subscription()).orElseThrow();
        if (!subscription.region().equals(region)) {
            throw new FhirRefusal(FhirRefusal.Reason.FORBIDDEN, "SubscriptionRegionMismatch",
                    "this source's subscription is bound to another region than the one this endpoint serves", null);
        }
        try {
            settings.rate().admit(subscription);
        } catch (RateLimitExceededException e) {
            throw FhirRefusal.throttled(e);
        }
        return source;
    }

    private byte[] body(Message in) throws FhirRefusal {
        byte[] body = in.getBody(byte[].class);
        if (body == null) {
            return new byte[0];
        }
        if (body.length > settings.maxBodySize()) {
            throw new FhirRefusal(FhirRefusal.Reason.TOO_LARGE, "RequestTooLarge",
                    "the notification exceeds " + settings.maxBodySize() + " bytes", null);
        }
        return body;
    }

    /** Replaces every header (the secret among them must not echo back) by the answer's. */
    private void answer(Message in, int status, OperationOutcome outcome) {
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, "application/fhir+json");
        in.setBody(parsing.json(outcome));
    }
}
