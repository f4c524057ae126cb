package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.hl7.Hl7TestMessages.CANARY;
import static org.oncogate.intake.hl7.Hl7TestMessages.MSH;
import static org.oncogate.intake.hl7.Hl7TestMessages.OBR;
import static org.oncogate.intake.hl7.Hl7TestMessages.PID;
import static org.oncogate.intake.hl7.Hl7TestMessages.assertRejected;
import static org.oncogate.intake.hl7.Hl7TestMessages.map;
import static org.oncogate.intake.hl7.Hl7TestMessages.message;
import static org.oncogate.intake.hl7.Hl7TestMessages.oru;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.ClinicalType;

/** From a parsed message to an Hl7Report: the mapping rules and every refusal. */
class Hl7ReportMapperTest {

    private static final String OBX = "OBX|1|TX|11526-1^^LN|1|" + CANARY + " report text||||||F";

    @Test
    void missingPid3IsRejected() {
        assertRejected(() -> map(message(MSH, "PID|1||||" + CANARY + "^JANE", OBR, OBX)), "MissingPatientId", "PID-3");
        assertRejected(() -> map(message(MSH, "PID|1||^^^GENHOSP^MR||" + CANARY + "^JANE", OBR, OBX)),
                "MissingPatientId", "PID-3");
        assertRejected(() -> map(message(MSH, OBR, OBX)), "MissingPatientId", "PID-3");
    }

    @Test
    void missingMsh10IsRejected() {
        assertRejected(() -> map(message(MSH.replace("|CTL-1|", "||"), PID, OBR, OBX)), "MissingControlId", "MSH-10");
    }

    @Test
    void aMissingSendingApplicationOrFacilityIsRejected() {
        assertRejected(() -> map(message(MSH.replace("|LIS|GENHOSP|", "||GENHOSP|"), PID, OBR, OBX)), "MissingSender", "MSH-3");
        assertRejected(() -> map(message(MSH.replace("|LIS|GENHOSP|", "|LIS||"), PID, OBR, OBX)), "MissingSender", "MSH-4");
    }

    @Test
    void otherMessageTypesAreRejected() {
        String adt = message(MSH.replace("ORU^R01^ORU_R01", "ADT^A01^ADT_A01"), "EVN|A01|20260114",
                PID, "PV1|1|I|WARD^1^1");
        assertRejected(() -> map(adt), "UnsupportedMessageType", "MSH-9");

        String mdmT01 = message(MSH.replace("ORU^R01^ORU_R01", "MDM^T01"), "EVN|T01", PID, "PV1|1|I",
                "TXA|1|PATH|TX|20260114");
        assertRejected(() -> map(mdmT01), "UnsupportedMessageType", "MSH-9");

        String unknown = message(MSH.replace("ORU^R01^ORU_R01", "ZZZ^Z99"), PID, OBR, OBX);
        assertRejected(() -> map(unknown), "UnsupportedMessageType", "MSH-9");

        String oruWithOtherStructure = message(MSH.replace("ORU^R01^ORU_R01", "ORU^R01^ORU_R30"), PID, OBR, OBX);
        assertRejected(() -> map(oruWithOtherStructure), "UnsupportedMessageType", "MSH-9");
    }

    @Test
    void aReportWithoutTextIsRejected() {
        String numericOnly = message(MSH, PID, OBR, "OBX|1|NM|21889-1^Size Tumor^LN|1|3.8|cm||||||F");
        String pdfOnly = oru("ED", "LIS^AP^PDF^Base64^JVBERi0xLjQK");
        String blankOnly = oru("TX", "   ");
        String noObx = message(MSH, PID, OBR);

        for (String er7 : new String[] {numericOnly, pdfOnly, blankOnly, noObx}) {
            assertRejected(() -> map(er7), "MissingReportText", "OBX-5");
        }
    }

    @Test
    void anOruWithSeveralPatientsIsRejected() {
        String twoPatients = message(MSH, PID, OBR, OBX, "PID|1||MRN-2||" + CANARY + "^JOHN", OBR, OBX);

        assertRejected(() -> map(twoPatients), "MultiplePatients", "PID");
    }

    @Test
    void anInvalidCreatedTimeIsRejected() {
        String badDate = message(MSH, PID, OBR.replace("20260112141500+0100", "2026-01-12"), OBX);

        assertRejected(() -> map(badDate), "InvalidDateTime", "OBR-7");
    }

    @ParameterizedTest
    @CsvSource({
            "20260112141500+0100,     2026-01-12T14:15:00+01:00",
            "20260112141500.25-0530,  2026-01-12T14:15:00.25-05:30",
            "20260112141500,          2026-01-12T14:15:00Z",
            "202601121415,            2026-01-12T14:15:00Z",
            "20260112,                2026-01-12T00:00:00Z",
            "202601,                  2026-01-01T00:00:00Z",
    })
    void obr7BecomesIsoWithOffsetAndUtcWhenItHasNone(String dtm, String iso) throws Exception {
        assertThat(map(message(MSH, PID, OBR.replace("20260112141500+0100", dtm), OBX)).createdDateTime()).isEqualTo(iso);
    }

    @Test
    void theDocumentIdFallsBackFromObr3ToObr2ToMsh10() throws Exception {
        assertThat(map(message(MSH, PID, OBR, OBX)).documentId()).isEqualTo("FILLER-1");
        assertThat(map(message(MSH, PID, OBR.replace("|FILLER-1|", "||"), OBX)).documentId()).isEqualTo("PLACER-1");
        assertThat(map(message(MSH, PID, OBR.replace("|PLACER-1|FILLER-1|", "|||"), OBX)).documentId()).isEqualTo("CTL-1");
    }

    @Test
    void theClinicalTypeComesFromObr4ThenItsAlternateCodeElseTheDefault() throws Exception {
        assertThat(map(message(MSH, PID, OBR.replace("11526-1^Pathology study^LN", "18748-4^Imaging^LN"), OBX))
                .clinicalType()).isEqualTo(ClinicalType.RADIOLOGY_REPORT);
        assertThat(map(message(MSH, PID, OBR.replace("11526-1^Pathology study^LN", "SURGPATH^Surgical path^L^11526-1^^LN"), OBX))
                .clinicalType()).as("local code, LOINC alternate in CWE.4/CWE.6").isEqualTo(ClinicalType.PATHOLOGY_REPORT);
        assertThat(map(message(MSH, PID, OBR.replace("11526-1^Pathology study^LN", "99999-9^Unknown^LN"), OBX))
                .clinicalType()).as("the configured default").isEqualTo(ClinicalType.PROGRESS);
        assertThat(map(message(MSH, PID, OBR.replace("11526-1^Pathology study^LN", ""), OBX))
                .clinicalType()).isEqualTo(ClinicalType.PROGRESS);
    }

    @Test
    void anMdmTakesTxa2AsALocalOrLoincCode() throws Exception {
        String mdm = message(MSH.replace("ORU^R01^ORU_R01", "MDM^T02"), "EVN|T02", PID, "PV1|1|I",
                "TXA|1|CN^Consultation^HL70270|TX|20260114", OBX);

        assertThat(map(mdm).clinicalType()).isEqualTo(ClinicalType.CONSULTATION);
        assertThat(map(mdm.replace("CN^Consultation^HL70270", "34117-2^History and physical^LN")).clinicalType())
                .isEqualTo(ClinicalType.HISTORY_AND_PHYSICAL);
        assertThat(map(mdm.replace("CN^Consultation^HL70270", "PN")).clinicalType()).as("a bare table 0270 code")
                .isEqualTo(ClinicalType.PROCEDURE);
        assertThat(map(mdm.replace("CN^Consultation^HL70270", "SP")).clinicalType())
                .isEqualTo(ClinicalType.PATHOLOGY_REPORT);
        assertThat(map(mdm).documentId()).as("no TXA-12 and no OBR: MSH-10").isEqualTo("CTL-1");
    }

    @Test
    void edRtfInBase64BecomesPlainText() throws Exception {
        String rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 " + CANARY
                + " adenocarcinoma\\par pT2a\\tab pN1 caf\\'e9 \\u8805? 5 cm}";
        String base64 = Base64.getEncoder().encodeToString(rtf.getBytes(StandardCharsets.US_ASCII));

        assertThat(Hl7TestMessages.text("ED", "LIS^TEXT^RTF^Base64^" + base64))
                .isEqualTo(CANARY + " adenocarcinoma\npT2a\tpN1 caf\u00e9 \u2265 5 cm");
        assertThat(Hl7TestMessages.text("ED", "^application^rtf^Base64^" + base64)).startsWith(CANARY);
    }

    @Test
    void edTextIsDecodedInTheMessageCharsetAndBadBase64IsRejected() throws Exception {
        String base64 = Base64.getEncoder().encodeToString((CANARY + " caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        String latin1 = message(MSH + "||||||8859/1", PID, OBR, "OBX|1|ED|11526-1^^LN|1|^text/plain^^Base64^" + base64 + "||||||F");

        assertThat(map(latin1).text()).as("ED-3 may be a whole media type").isEqualTo(CANARY + " caf\u00e9");
        assertRejected(() -> Hl7TestMessages.text("ED", "^TEXT^PLAIN^Base64^not*base64"), "InvalidEncoding", "OBX-5");
    }

    @Test
    void textAndNonTextObxMixInMessageOrderAcrossOrders() throws Exception {
        String er7 = message(MSH, PID, OBR,
                "OBX|1|ST|11526-1^^LN|1|first " + CANARY + "||||||F",
                "OBX|2|CWE|21918-8^Stage^LN|1|T2a^pT2a^AJCC||||||F",
                "OBX|3|TX|11526-1^^LN|1|second~third||||||F",
                "OBR|2|PLACER-2|FILLER-2|11529-5^Surgical pathology^LN",
                "OBX|1|TX|11529-5^^LN|1|fourth||||||F");

        Hl7Report report = map(er7);

        assertThat(report.text()).isEqualTo("first " + CANARY + "\nsecond\nthird\nfourth");
        assertThat(report.documentId()).as("the first OBR names the document").isEqualTo("FILLER-1");
    }

    @Test
    void theReportNeverPrintsThePatientIdOrTheText() throws Exception {
        Hl7Report report = map(message(MSH, "PID|1||" + CANARY + "-MRN||" + CANARY + "^JANE", OBR, OBX));

        assertThat(report.patientId()).isEqualTo(CANARY + "-MRN");
        assertThat(report.toString()).doesNotContain(CANARY).contains("CTL-1", "LIS^GENHOSP", "FILLER-1");
        assertThat(report.document().toString()).doesNotContain(CANARY);
    }
}
