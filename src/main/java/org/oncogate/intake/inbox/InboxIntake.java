package org.oncogate.intake.inbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.oncogate.intake.hl7.Hl7Reader;
import org.oncogate.intake.hl7.Hl7Report;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.JobError;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobOrigin;
import org.oncogate.job.JobRequest;
import org.oncogate.job.JobService;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.JobRecord;
import org.oncogate.job.Quarantine;
import org.oncogate.job.RejectedInputException;
import org.oncogate.job.UnknownSubscriptionException;
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
 * The inbox channel: reads a file dropped in {@code inbox/<subscription>/}, turns it into a
 * canonical job (a {@code .json} Onco-Phenotype request, a {@code .txt} note named by
 * {@link NoteFileName}, or a {@code .hl7} file with one message or a batch, one job per message),
 * and answers through the outbox. A refused file goes to the quarantine. A file of a subscription
 * over its file rate is left in the inbox, untouched, for a later poll.
 */
public final class InboxIntake {

    static final String CHANNEL = "inbox";
    private static final Logger LOG = LoggerFactory.getLogger(InboxIntake.class);

    private final JobService jobs;
    private final Hl7Reader hl7;
    private final Subscriptions subscriptions;
    private final Quarantine quarantine;
    private final Outbox outbox;
    private final UsageCounters usage;
    private final InboxSettings settings;
    private final Set<String> throttled = ConcurrentHashMap.newKeySet();

    public InboxIntake(JobService jobs, Hl7Reader hl7, Subscriptions subscriptions, Quarantine quarantine, Outbox outbox,
                       UsageCounters usage, InboxSettings settings) {
        this.jobs = jobs;
        this.hl7 = hl7;
        this.subscriptions = subscriptions;
        this.quarantine = quarantine;
        this.outbox = outbox;
        this.usage = usage;
        this.settings = settings;
    }

    /**
     * Stores the file's job durably and returns its id; only then may the route delete the file.
     * Over the subscription's file rate, nothing is read and the route leaves the file in the inbox.
     */
    public List<String> accept(@Header(Exchange.FILE_NAME) String relativePath, @Body File body)
            throws RejectedInputException, RateLimitExceededException, IOException {
        InboxFile file = InboxFile.of(relativePath);
        Subscription subscription = subscriptions.find(file.subscription()).orElseThrow(UnknownSubscriptionException::new);
        settings.rate().admit(subscription);
        List<JobRequest> requests = read(file, body);
        for (JobRequest request : requests) {
            jobs.validate(request); // all of a batch, before any is stored: a refused file stores nothing
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            // a batch's jobs answer as <name>-1, <name>-2, ...; a single job as <name>
            String replyTo = requests.size() == 1 ? file.baseName() : file.baseName() + "-" + (i + 1);
            JobRequest request = requests.get(i);
            ids.add(jobs.accept(request, new JobOrigin(CHANNEL, file.subscription(), replyTo)).id());
            usage.record(new UsageEvent(CHANNEL, "submit", file.subscription(), "accepted",
                    request.documentCount(), request.characterCount()));
        }
        LOG.info("inbox file {} in {} stored as job(s) {}", file.fingerprint(), file.subscription(), ids);
        throttled.remove(subscription.name());
        return ids;
    }

    /** Quarantines a refused file and writes its error report; the route then deletes the file. */
    public void reject(@Header(Exchange.FILE_NAME) String relativePath, @Body File body,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) RejectedInputException refusal)
            throws IOException {
        InboxFile file = InboxFile.of(relativePath);
        String subscription = subscriptions.find(file.subscription()).isPresent() ? file.subscription() : "unknown";
        Quarantine.Entry entry = quarantine.hold(CHANNEL, subscription, Files.readAllBytes(body.toPath()),
                refusal.error());
        outbox.write(file.subscription(), file.baseName(), ".error.json", ErrorReport.refused(entry.receivedDateTime(), refusal.error(), entry.id()));
        usage.record(UsageEvent.call(CHANNEL, "submit", subscription, "rejected"));
        LOG.warn("inbox file {} in {} refused ({}); quarantine entry {}", file.fingerprint(), subscription,
                refusal.error().code(), entry.id());
    }

    /**
     * Tells the operator, once each time a subscription starts being throttled, that its files wait.
     * Not a usage event: the gateway, not the customer, tries the file again at every poll.
     */
    public void deferred(@Header(Exchange.FILE_NAME) String relativePath,
                         @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) RateLimitExceededException throttled) {
        String subscription = InboxFile.of(relativePath).subscription();
        if (this.throttled.add(subscription)) {
            LOG.warn("inbox of subscription {}: over its file rate, files left for a later poll (next in {} s)",
                    subscription, throttled.retryAfterSeconds());
        }
    }

    /** Delivers a finished job to the outbox as {@code <name>.result.json}. */
    public void deliver(@Body JobRecord job) throws IOException {
        outbox.write(job.origin().subscription(), job.origin().replyTo(), ".result.json", job.state());
    }

    private List<JobRequest> read(InboxFile file, File body) throws IOException, RejectedInputException {
        if (!file.isNote() && !file.isRequest() && !file.isHl7()) {
            throw unreadable("UnsupportedFileType", "only .json job requests, .txt notes and .hl7 messages are read",
                    "file name");
        }
        long size = Files.size(body.toPath());
        if (size == 0) {
            throw unreadable("EmptyFile", "the file is empty", "file");
        }
        if (size > settings.maxFileSize()) {
            throw unreadable("FileTooLarge", "the file exceeds the inbox limit of " + settings.maxFileSize()
                    + " bytes", "file");
        }
        if (file.isHl7()) {
            return hl7.readFile(Files.readAllBytes(body.toPath())).stream().map(Hl7Report::request).toList();
        }
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(body.toPath()));
        } catch (UndecodableTextException e) {
            throw unreadable("InvalidEncoding", "the file is not valid UTF-8", "byte " + e.byteOffset());
        }
        return List.of(file.isNote() ? note(file, text, Files.getLastModifiedTime(body.toPath()).toInstant())
                : JobJson.readRequest(text));
    }

    private JobRequest note(InboxFile file, String text, Instant written) throws RejectedInputException {
        if (text.isBlank()) {
            throw unreadable("EmptyFile", "the note holds no text", "file");
        }
        NoteFileName name = NoteFileName.parse(file.name(), settings.defaultClinicalType());
        PatientDocument document = new PatientDocument(PatientDocument.NOTE, name.clinicalType(), name.documentId(),
                "en", written.toString(), DocumentContent.inline(text));
        return new JobRequest(List.of(new PatientRecord(name.patientId(), null, List.of(document))), null);
    }

    private static UnreadableInputException unreadable(String code, String message, String target) {
        return new UnreadableInputException(JobError.of(code, message, target));
    }

    /** Inbox settings (oncogate.inbox.*). */
    public record InboxSettings(long maxFileSize, ClinicalType defaultClinicalType, RequestRateLimit rate) {
    }
}
