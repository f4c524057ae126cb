package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v26.message.ACK;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.util.List;

/**
 * Builds the acknowledgements with HAPI: AA once a message is durable, AR (never acceptable) and
 * AE (try again) with the reason in MSA-3 and ERR. Reasons name rules and locations, never values.
 */
final class Hl7Acks {

    private static final String STANDARD_DELIMITERS = "MSH|^~\\&|";

    private final Hl7Parsing parsing;

    Hl7Acks(Hl7Parsing parsing) {
        this.parsing = parsing;
    }

    /** AA, naming the job in MSA-3 so that the sender can read its result through the job API. */
    String accept(Message message, String er7, String jobId) {
        return build(message, er7, AcknowledgmentCode.AA, null, terser -> terser.set("MSA-3", "job " + jobId));
    }

    /**
     * An AR or AE answering {@code message}, or, when it could not be parsed, answering whatever MSH
     * HAPI can still read from {@code er7}.
     */
    String refuse(Message message, String er7, AcknowledgmentCode code, String reason, ErrorCode errorCode) {
        return build(message, er7, code, new HL7Exception(reason, errorCode), terser -> {
            terser.set("MSA-3", reason);
            terser.set("ERR-3-1", Integer.toString(errorCode.getCode()));
            terser.set("ERR-4", "E");
            terser.set("ERR-8", reason);
        });
    }

    /**
     * The acknowledgement of {@code message}; if HAPI cannot answer the message itself (a header it
     * parsed but cannot mirror, e.g. odd encoding characters), of its header alone; failing that, of
     * nothing in particular. Every message gets an answer.
     */
    private String build(Message message, String er7, AcknowledgmentCode code, HL7Exception problem, Fields fields) {
        List<AckSource> sources = List.of(
                () -> code == AcknowledgmentCode.AA ? message.generateACK() : message.generateACK(code, problem),
                () -> headerAck(er7, code),
                () -> plainAck(code));
        for (AckSource source : sources) {
            try {
                Message ack = source.make();
                fields.set(new Terser(ack));
                return readable(ack.encode());
            } catch (HL7Exception | IOException | RuntimeException cannotAnswer) {
                // try the next, less specific answer
            }
        }
        throw new IllegalStateException("cannot build an HL7 acknowledgement");
    }

    /**
     * An ACK mirroring a message's own odd delimiters (say '.' for repetitions, which then splits
     * the ACK's own timestamp and version) may not parse back: such an ACK is checked, and refused
     * for a plainer one. ACKs with the standard delimiters, the usual case, are not re-parsed.
     */
    private String readable(String ack) throws HL7Exception {
        if (!ack.startsWith(STANDARD_DELIMITERS)) {
            parsing.parser().parse(ack);
        }
        return ack;
    }

    /** What an acknowledgement says beyond MSA-1. */
    @FunctionalInterface
    private interface Fields {
        void set(Terser terser) throws HL7Exception;
    }

    @FunctionalInterface
    private interface AckSource {
        Message make() throws HL7Exception, IOException;
    }

    /**
     * An ACK answering the MSH that HAPI can still read from the raw message: sender and receiver
     * swapped, MSA-2 its control id. Built on our own ACK (our version, our in-memory control ids),
     * not HAPI's makeACK, which mirrors whatever version the header holds and numbers ACKs through
     * an id_file in the working directory.
     */
    private Message headerAck(String er7, AcknowledgmentCode code) throws HL7Exception, IOException {
        Segment header = parsing.parser().getCriticalResponseData(er7);
        Message ack = plainAck(code);
        Terser terser = new Terser(ack);
        terser.set("MSH-3", Terser.get(header, 5, 0, 1, 1));
        terser.set("MSH-4", Terser.get(header, 6, 0, 1, 1));
        terser.set("MSH-5", Terser.get(header, 3, 0, 1, 1));
        terser.set("MSH-6", Terser.get(header, 4, 0, 1, 1));
        terser.set("MSA-2", Terser.get(header, 10, 0, 1, 1));
        return ack;
    }

    /** An ACK that answers nothing in particular. */
    private Message plainAck(AcknowledgmentCode code) throws HL7Exception, IOException {
        ACK ack = new ACK();
        ack.setParser(parsing.parser());
        ack.initQuickstart("ACK", "", "P");
        ack.getMSA().getAcknowledgmentCode().setValue(code.name());
        return ack;
    }
}
