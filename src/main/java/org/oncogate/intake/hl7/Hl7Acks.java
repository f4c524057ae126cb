package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v26.message.ACK;
import ca.uhn.hl7v2.app.DefaultApplication;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;

/**
 * Builds the acknowledgements with HAPI: AA once a message is durable, AR (never acceptable) and
 * AE (try again) with the reason in MSA-3 and ERR. Reasons name rules and locations, never values.
 */
final class Hl7Acks {

    private final Hl7Parsing parsing;

    Hl7Acks(Hl7Parsing parsing) {
        this.parsing = parsing;
    }

    /** AA, naming the job in MSA-3 so that the sender can read its result through the job API. */
    String accept(Message message, String jobId) throws HL7Exception, IOException {
        Message ack = message.generateACK();
        new Terser(ack).set("MSA-3", "job " + jobId);
        return ack.encode();
    }

    /**
     * An AR or AE answering {@code message}, or, when it could not be parsed, answering whatever MSH
     * HAPI can still read from {@code er7}.
     */
    String refuse(Message message, String er7, AcknowledgmentCode code, String reason, ErrorCode errorCode) {
        try {
            HL7Exception problem = new HL7Exception(reason, errorCode);
            Message ack = message != null ? message.generateACK(code, problem) : bareAck(er7, code);
            Terser terser = new Terser(ack);
            terser.set("MSA-3", reason);
            terser.set("ERR-3-1", Integer.toString(errorCode.getCode()));
            terser.set("ERR-4", "E");
            terser.set("ERR-8", reason);
            return ack.encode();
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("cannot build an HL7 acknowledgement: " + e.getClass().getSimpleName());
        }
    }

    private Message bareAck(String er7, AcknowledgmentCode code) throws HL7Exception, IOException {
        if (er7 != null) {
            try {
                Segment header = parsing.context().getPipeParser().getCriticalResponseData(er7);
                Message ack = DefaultApplication.makeACK(header);
                new Terser(ack).set("MSA-1", code.name());
                return ack;
            } catch (HL7Exception unreadableHeader) {
                // fall through to an ACK that answers nothing in particular
            }
        }
        ACK ack = new ACK();
        ack.setParser(parsing.context().getPipeParser());
        ack.initQuickstart("ACK", "", "P");
        ack.getMSA().getAcknowledgmentCode().setValue(code.name());
        return ack;
    }
}
