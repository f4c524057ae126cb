package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;
import org.oncogate.testing.PhiCanary;

/** Shared fixtures: one parser and mapper, the samples, and small synthetic messages carrying the PHI canary. */
final class Hl7TestMessages {

    static final Hl7Parsing PARSING = Hl7Parsing.create();
    static final Hl7ReportMapper MAPPER = new Hl7ReportMapper(ClinicalTypeTable.load(), ClinicalType.PROGRESS);
    static final String CANARY = PhiCanary.MARKER;

    static final String MSH = "MSH|^~\\&|LIS|GENHOSP|ONCOGATE|GENHOSP|20260114093512+0100||ORU^R01^ORU_R01|CTL-1|P|2.6";
    static final String PID = "PID|1||MRN-1^^^GENHOSP^MR||" + CANARY + "^JANE";
    static final String OBR = "OBR|1|PLACER-1|FILLER-1|11526-1^Pathology study^LN|||20260112141500+0100";

    private Hl7TestMessages() {
    }

    /** Segments joined and terminated by CR. */
    static String message(String... segments) {
        return String.join("\r", segments) + "\r";
    }

    /** A pathology ORU^R01 whose only OBX holds {@code value} of {@code valueType}. */
    static String oru(String valueType, String value) {
        return message(MSH, PID, OBR, "OBX|1|" + valueType + "|11526-1^Pathology study^LN|1|" + value + "||||||F");
    }

    static byte[] sampleBytes(String name) {
        try {
            return Files.readAllBytes(Path.of("samples/hl7", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample, decoded, parsed and mapped as the MLLP route will. */
    static Hl7Report mapSample(String name) throws Hl7RejectException {
        return MAPPER.map(PARSING.parse(Hl7Parsing.decode(sampleBytes(name))));
    }

    static Hl7Report map(String er7) throws Hl7RejectException {
        return MAPPER.map(PARSING.parse(er7));
    }

    /** The text of a one-OBX ORU. */
    static String text(String valueType, String value) throws Hl7RejectException {
        return map(oru(valueType, value)).text();
    }

    /** Asserts that {@code call} rejects with {@code code} at {@code location}, without the canary anywhere. */
    static Hl7RejectException assertRejected(ThrowingCallable call, String code, String location) {
        Hl7RejectException rejected = catchThrowableOfType(Hl7RejectException.class, call);
        assertThat(rejected).as("expected a rejection %s", code).isNotNull();
        assertThat(rejected.code()).isEqualTo(code);
        assertThat(rejected.location()).isEqualTo(location);
        assertThat(rejected.getMessage()).contains(code).doesNotContain(CANARY);
        assertThat(rejected.toString()).doesNotContain(CANARY);
        assertThat(rejected.getCause()).as("HAPI's exceptions quote the message; none may be kept").isNull();
        return rejected;
    }
}
