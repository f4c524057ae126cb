package org.oncogate.bench;

import java.nio.charset.StandardCharsets;
import org.oncogate.intake.hl7.Hl7Parsing;
import org.oncogate.intake.hl7.Hl7Reader;
import org.oncogate.intake.hl7.Hl7ReportMapper;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;

/**
 * The HL7 intake's CPU work before the store: HAPI's parse and the gateway's mapping of the HL7 benchmark's ORU
 * messages (~6.5 KB, one TX OBX per report line), a workload of {@link BuildsAb}.
 */
public final class Hl7ParseAndMap {

    private static final int MESSAGES = 2_000;

    private final Hl7Parsing parsing = Hl7Parsing.create();
    private final Hl7Reader reader = new Hl7Reader(parsing,
            new Hl7ReportMapper(ClinicalTypeTable.load(), ClinicalType.PATHOLOGY_REPORT));
    private final String[] messages = new String[MESSAGES];

    public Hl7ParseAndMap() {
        SyntheticOruMessage oru = new SyntheticOruMessage("ab");
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = new String(oru.message(i), StandardCharsets.UTF_8);
        }
    }

    public int messages() {
        return MESSAGES;
    }

    /** Parses and maps every message once; returns the characters of report text read, so that nothing is skipped. */
    public long pass() throws Exception {
        long characters = 0;
        for (String message : messages) {
            characters += reader.map(parsing.parse(message)).text().length();
        }
        return characters;
    }
}
