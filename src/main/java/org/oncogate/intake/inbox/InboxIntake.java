package org.oncogate.intake.inbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.JobError;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobOrigin;
import org.oncogate.job.JobRequest;
import org.oncogate.job.JobService;
import org.oncogate.job.JobState;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.JobRecord;
import org.oncogate.job.Quarantine;
import org.oncogate.job.RejectedInputException;
import org.oncogate.job.UnknownSubscriptionException;
import org.oncogate.job.UnreadableInputException;
import org.oncogate.subscription.Subscriptions;
import org.oncogate.text.TextDecoder;
import org.oncogate.text.UndecodableTextException;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox channel: reads a file dropped in {@code inbox/<subscription>/}, turns it into a
 * canonical job (a {@code .json} Onco-Phenotype request, or a {@code .txt} note named by
 * {@link NoteFileName}), and answers through the outbox. A refused file goes to the quarantine.
 */
public final class InboxIntake {

    static final String CHANNEL = "inbox";
    private static final Logger LOG = LoggerFactory.getLogger(InboxIntake.class);

    private final JobService jobs;
    private final Subscriptions subscriptions;
    private final Quarantine quarantine;
    private final Outbox outbox;
    private final UsageCounters usage;
    private final InboxSettings settings;

    public InboxIntake(JobService jobs, Subscriptions subscriptions, Quarantine quarantine, Outbox outbox,
                       UsageCounters usage, InboxSettings settings) {
        this.jobs = jobs;
        this.subscriptions = subscriptions;
        this.quarantine = quarantine;
        this.outbox = outbox;
        this.usage = usage;
        this.settings = settings;
    }

    /** Stores the file's job durably and returns its id; only then may the route delete the file. */
    public String accept(@Header(Exchange.FILE_NAME) String relativePath, @Body File body)
            throws RejectedInputException, IOException {
        InboxFile file = InboxFile.of(relativePath);
        if (subscriptions.find(file.subscription()).isEmpty()) {
            throw new UnknownSubscriptionException();
        }
        JobRequest request = read(file, body);
        JobState state = jobs.accept(request, new JobOrigin(CHANNEL, file.subscription(), file.baseName()));
        usage.record(new UsageEvent(CHANNEL, "submit", file.subscription(), "accepted",
                request.documentCount(), request.characterCount()));
        LOG.info("inbox file {} in {} stored as job {}", file.fingerprint(), file.subscription(), state.id());
        return state.id();
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

    /** Delivers a finished job to the outbox as {@code <name>.result.json}. */
    public void deliver(@Body JobRecord job) throws IOException {
        outbox.write(job.origin().subscription(), job.origin().replyTo(), ".result.json", job.state());
    }

    private JobRequest read(InboxFile file, File body) throws IOException, RejectedInputException {
        if (!file.isNote() && !file.isRequest()) {
            throw unreadable("UnsupportedFileType", "only .json job requests and .txt notes are read", "file name");
        }
        long size = Files.size(body.toPath());
        if (size == 0) {
            throw unreadable("EmptyFile", "the file is empty", "file");
        }
        if (size > settings.maxFileSize()) {
            throw unreadable("FileTooLarge", "the file exceeds the inbox limit of " + settings.maxFileSize()
                    + " bytes", "file");
        }
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(body.toPath()));
        } catch (UndecodableTextException e) {
            throw unreadable("InvalidEncoding", "the file is not valid UTF-8", "byte " + e.byteOffset());
        }
        return file.isNote() ? note(file, text, Files.getLastModifiedTime(body.toPath()).toInstant())
                : JobJson.readRequest(text);
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
    public record InboxSettings(long maxFileSize, ClinicalType defaultClinicalType) {
    }
}
