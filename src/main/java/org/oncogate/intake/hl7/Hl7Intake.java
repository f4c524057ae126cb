package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.camel.Exchange;
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
 * The HL7 v2 channel: one MLLP frame in, one acknowledgement out. AA only once the job is durable;
 * AR for what will never be accepted; AE for what may work when sent again (storage failed, or the
 * sender's subscription is over its message rate: {@code RateLimitExceeded}). A resend of the same
 * sender and MSH-10 finds the first job (its id derives from them) and gets an AA again. The AA
 * names the job in MSA-3 ({@code job <id>}), under which the job API serves its result.
 */
public final class Hl7Intake {

    public static final String CHANNEL = "hl7";
    /** The exchange property camel-mllp sends back as the acknowledgement. */
    static final String MLLP_ACK = "CamelMllpAcknowledgementString";
    private static final Logger LOG = LoggerFactory.getLogger(Hl7Intake.class);

    private final Hl7Reader reader;
    private final Hl7Acks acks;
    private final Hl7Senders senders;
    private final Subscriptions subscriptions;
    private final JobService jobs;
    private final UsageCounters usage;
    private final String region;
    private final int maxMessageBytes;
    private final RequestRateLimit rate;

    public Hl7Intake(Hl7Reader reader, Hl7Senders senders, Subscriptions subscriptions, JobService jobs,
                     UsageCounters usage, String region, int maxMessageBytes, RequestRateLimit rate) {
        this.reader = reader;
        this.acks = new Hl7Acks(reader.parsing());
        this.senders = senders;
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.usage = usage;
        this.region = region;
        this.maxMessageBytes = maxMessageBytes;
        this.rate = rate;
    }

    /** Takes the frame in the body; sets the acknowledgement, and the job id as body for a new job. */
    public void receive(Exchange exchange) {
        byte[] frame = exchange.getIn().getBody(byte[].class);
        // what a refusal answers: the header alone until the whole message is decoded
        String er7 = Hl7Parsing.header(frame);
        Message message = null;
        String subscription = "unknown";
        try {
            if (frame == null || frame.length == 0) {
                throw new Hl7RejectException("EmptyMessage", "the MLLP frame holds no message", null);
            }
            if (frame.length > maxMessageBytes) {
                throw new Hl7RejectException("MessageTooLarge", "the message exceeds " + maxMessageBytes + " bytes",
                        null);
            }
            er7 = Hl7Parsing.decode(frame);
            message = reader.parsing().parse(er7);
            Hl7Report report = reader.map(message);
            Subscription sender = sender(report.sender());
            subscription = sender.name();
            rate.admit(sender);
            JobService.Acceptance acceptance = jobs.acceptOnce(jobId(sender, report), report.request(),
                    new JobOrigin(CHANNEL, sender.name(), report.controlId()));
            exchange.setProperty(MLLP_ACK, acks.accept(message, er7, acceptance.job().id()));
            exchange.setProperty(JobService.NEW_JOB, !acceptance.duplicate());
            exchange.getIn().setBody(acceptance.job().id());
            count(subscription, acceptance.duplicate() ? "repeated" : "accepted", report.text().length());
        } catch (Hl7RejectException e) {
            refuse(exchange, message, er7, AcknowledgmentCode.AR, e.getMessage(), errorCode(e.code()), subscription,
                    "rejected");
        } catch (InvalidJobException e) {
            refuse(exchange, message, er7, AcknowledgmentCode.AR, e.getMessage(), ErrorCode.DATA_TYPE_ERROR,
                    subscription, "rejected");
        } catch (RateLimitExceededException e) {
            refuse(exchange, message, er7, AcknowledgmentCode.AE, "RateLimitExceeded: the subscription's message rate"
                    + " is exceeded; send the message again after " + e.retryAfterSeconds() + " s",
                    ErrorCode.APPLICATION_INTERNAL_ERROR, subscription, "throttled");
        } catch (IOException | RuntimeException e) {
            LOG.error("HL7 message could not be stored: {}", e.getClass().getName());
            refuse(exchange, message, er7, AcknowledgmentCode.AE,
                    "TemporaryFailure: the gateway could not store the message; send it again",
                    ErrorCode.APPLICATION_INTERNAL_ERROR, subscription, "error");
        }
    }

    private Subscription sender(String sender) throws Hl7RejectException {
        Subscription subscription = senders.subscriptionOf(sender).flatMap(subscriptions::find)
                .orElseThrow(() -> new Hl7RejectException("UnknownSender",
                        "no subscription is configured for this sending application and facility", "MSH-3"));
        if (!subscription.region().equals(region)) {
            throw new Hl7RejectException("SubscriptionRegionMismatch",
                    "the sender's subscription is bound to another region", "MSH-4");
        }
        return subscription;
    }

    /** Sender and MSH-10 name the message; the job id follows from them, so a resend finds its job. */
    static String jobId(Subscription subscription, Hl7Report report) {
        return UUID.nameUUIDFromBytes((CHANNEL + "\n" + subscription.name() + "\n" + report.sender() + "\n"
                + report.controlId()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The HL7 table 0357 error code that fits a refusal. */
    private static ErrorCode errorCode(String refusal) {
        return switch (refusal) {
            case "UnsupportedMessageType" -> ErrorCode.UNSUPPORTED_MESSAGE_TYPE;
            case "UnknownSender", "SubscriptionRegionMismatch" -> ErrorCode.UNKNOWN_KEY_IDENTIFIER;
            case "UnparseableMessage", "EmptyMessage" -> ErrorCode.SEGMENT_SEQUENCE_ERROR;
            default -> refusal.startsWith("Missing") ? ErrorCode.REQUIRED_FIELD_MISSING : ErrorCode.DATA_TYPE_ERROR;
        };
    }

    private void refuse(Exchange exchange, Message message, String er7, AcknowledgmentCode code, String reason,
                        ErrorCode errorCode, String subscription, String outcome) {
        exchange.setProperty(MLLP_ACK, acks.refuse(message, er7, code, reason, errorCode));
        exchange.setProperty(JobService.NEW_JOB, false);
        count(subscription, outcome, 0);
        LOG.info("HL7 message refused with {}: {}", code, reason);
    }

    private void count(String subscription, String outcome, long characters) {
        usage.record(new UsageEvent(CHANNEL, "submit", subscription, outcome, outcome.equals("accepted") ? 1 : 0,
                characters));
    }
}
