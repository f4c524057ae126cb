package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.model.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HL7 v2 bytes into reports: one MLLP frame, or a file that may hold a batch. Every channel
 * that takes HL7 reads it here.
 */
public final class Hl7Reader {

    private final Hl7Parsing parsing;
    private final Hl7ReportMapper mapper;

    public Hl7Reader(Hl7Parsing parsing, Hl7ReportMapper mapper) {
        this.parsing = parsing;
        this.mapper = mapper;
    }

    public Hl7Parsing parsing() {
        return parsing;
    }

    public Hl7Report map(Message message) throws Hl7RejectException {
        return mapper.map(message);
    }

    /** Every message of a file (one, or a batch with several MSH), all mapped before any is used. */
    public List<Hl7Report> readFile(byte[] file) throws Hl7RejectException {
        List<Hl7Report> reports = new ArrayList<>();
        for (String er7 : Hl7Parsing.splitBatch(Hl7Parsing.decode(file))) {
            reports.add(mapper.map(parsing.parse(er7)));
        }
        if (reports.isEmpty()) {
            throw new Hl7RejectException("UnparseableMessage", "the file holds no HL7 message", "MSH");
        }
        return reports;
    }
}
