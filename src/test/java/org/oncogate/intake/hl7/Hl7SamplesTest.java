package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.hl7.Hl7TestMessages.CANARY;
import static org.oncogate.intake.hl7.Hl7TestMessages.mapSample;
import static org.oncogate.intake.hl7.Hl7TestMessages.sampleBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.PatientDocument;

/** Every sample in samples/hl7 maps to the values its README documents. */
class Hl7SamplesTest {

    @Test
    void oruPathologyTakesTxLinesInOrderWithDelimiterEscapesDecodedAndSkipsNumericObx() throws Exception {
        Hl7Report report = mapSample("oru-r01-pathology.hl7");

        assertThat(report.sender()).as("MSH-3.1^MSH-4.1").isEqualTo("LIS^GENHOSP");
        assertThat(report.controlId()).as("MSH-10").isEqualTo("LIS-20260114-000123");
        assertThat(report.messageType()).as("MSH-9").isEqualTo("ORU^R01");
        assertThat(report.patientId()).as("PID-3.1").isEqualTo("MRN-700123");
        assertThat(report.documentId()).as("OBR-3.1").isEqualTo("S26-0815");
        assertThat(report.clinicalType()).as("OBR-4 11526-1^^LN").isEqualTo(ClinicalType.PATHOLOGY_REPORT);
        assertThat(report.createdDateTime()).as("OBR-7").isEqualTo("2026-01-12T14:15:00+01:00");
        assertThat(report.text()).as("OBX-5 of OBX 1-7 (TX, \\T\\ and \\F\\ decoded, OBX 3 a blank line); OBX 8 is NM")
                .isEqualTo("""
                        SURGICAL PATHOLOGY REPORT (synthetic sample, no real patient)
                        Specimen: Right upper lobe, lobectomy & hilar lymph node dissection.

                        Final diagnosis: Invasive adenocarcinoma of the right upper lobe, acinar predominant.
                        Tumor size 3.8 cm | visceral pleura not invaded | margins negative (closest 1.2 cm).
                        Lymph nodes: 1 of 9 positive (station 10R); separate pleural nodule positive for adenocarcinoma.
                        Pathologic stage (AJCC 8th edition): pT2a pN1 pM1a.""");
    }

    @Test
    void oruSynopticFtTurnsFormattingIntoLinesAndRepetitionsIntoLines() throws Exception {
        Hl7Report report = mapSample("oru-r01-synoptic-ft.hl7");

        assertThat(report.controlId()).isEqualTo("LIS-20260114-000124");
        assertThat(report.patientId()).isEqualTo("MRN-700456");
        assertThat(report.documentId()).as("OBR-3.1").isEqualTo("S26-0902");
        assertThat(report.clinicalType()).as("OBR-4 60568-3^^LN").isEqualTo(ClinicalType.PATHOLOGY_REPORT);
        assertThat(report.createdDateTime()).as("OBR-7").isEqualTo("2026-01-13T11:00:00+01:00");
        assertThat(report.text()).as("\\.br\\ a line, \\.sp\\ a blank line, \\H\\ \\N\\ dropped, ~ a new line; no MSH-18 so UTF-8")
                .isEqualTo("""
                        LUNG RESECTION SYNOPTIC REPORT (synthetic sample, no real patient)
                        Procedure: Lobectomy, left lower lobe
                        Histologic type: Squamous cell carcinoma, keratinizing
                        Tumor size: 5.1 cm (\u2265 5 cm)
                        Visceral pleural invasion: not identified
                        Margins: uninvolved
                        Regional lymph nodes: 0/12 involved

                        Pathologic stage (AJCC 8th edition): pT3 pN0
                        Distant metastasis: not applicable
                        Comment: presented at the thoracic tumor board on 2026-01-15.""");
    }

    @Test
    void oruEdBase64IsDecodedAndTheDocumentIdFallsBackToThePlacerOrder() throws Exception {
        Hl7Report report = mapSample("oru-r01-ed-base64.hl7");

        assertThat(report.controlId()).isEqualTo("LIS-20260109-000311");
        assertThat(report.patientId()).isEqualTo("MRN-700555");
        assertThat(report.documentId()).as("OBR-3 empty, so OBR-2.1").isEqualTo("ORD-55188");
        assertThat(report.clinicalType()).as("OBR-4 22637-3^^LN").isEqualTo(ClinicalType.PATHOLOGY_REPORT);
        assertThat(report.createdDateTime()).as("OBR-7 without offset is UTC").isEqualTo("2026-01-09T10:15:00Z");
        assertThat(report.text()).as("ED-5 Base64 of text/plain").isEqualTo("""
                FINAL DIAGNOSIS (synthetic sample, no real patient)
                A. Left breast, 2 o'clock, ultrasound-guided core biopsy:
                   Invasive ductal carcinoma, Nottingham grade 2 of 3.
                   ER positive (95%), PR positive (60%), HER2 negative (IHC 1+).
                B. Left axillary lymph node, core biopsy: benign lymph node, no carcinoma seen.
                Clinical stage at tumor board: cT1c cN0 cM0.""");
    }

    @Test
    void mdmT02DischargeSummaryTakesTxa() throws Exception {
        Hl7Report report = mapSample("mdm-t02-discharge.hl7");

        assertThat(report.sender()).isEqualTo("LIS^GENHOSP");
        assertThat(report.controlId()).isEqualTo("LIS-20260110-000077");
        assertThat(report.messageType()).isEqualTo("MDM^T02");
        assertThat(report.patientId()).isEqualTo("MRN-700789");
        assertThat(report.documentId()).as("TXA-12.1").isEqualTo("DS-2026-00042");
        assertThat(report.clinicalType()).as("TXA-2 DS (HL7 table 0270)").isEqualTo(ClinicalType.DISCHARGE_SUMMARY);
        assertThat(report.createdDateTime()).as("TXA-4").isEqualTo("2026-01-10T16:00:00-05:00");
        assertThat(report.text()).startsWith("DISCHARGE SUMMARY (synthetic sample, no real patient)\n")
                .contains("\nStage: pT3 pN1b cM0, AJCC stage IIIB.\n")
                .endsWith("to be discussed at the oncology follow-up.")
                .hasLineCount(6);
    }

    @Test
    void mdmT08AddendumWithoutStructureInMsh9AndWithAZSegment() throws Exception {
        Hl7Report report = mapSample("mdm-t08-pathology-addendum.hl7");

        assertThat(report.controlId()).isEqualTo("LIS-20260116-000045");
        assertThat(report.messageType()).as("MSH-9 MDM^T08, parsed as MDM_T02").isEqualTo("MDM^T08");
        assertThat(report.patientId()).isEqualTo("MRN-700123");
        assertThat(report.documentId()).as("TXA-12.1, not the parent in TXA-13").isEqualTo("S26-0815-AD1");
        assertThat(report.clinicalType()).as("TXA-2 PATH (local)").isEqualTo(ClinicalType.PATHOLOGY_REPORT);
        assertThat(report.createdDateTime()).as("TXA-4").isEqualTo("2026-01-16T11:15:00+01:00");
        assertThat(report.text()).startsWith("ADDENDUM (synthetic sample, no real patient)\n")
                .contains("ALK & ROS1 rearrangements not detected.")
                .doesNotContain("PATHOLOGY-ADDENDA") // the ZTX segment is not report text
                .hasLineCount(6);
    }

    @Test
    void everySampleIsCrSeparatedCarriesTheCanaryInPid5AndBecomesAPatientDocument() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("samples/hl7"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".hl7")).toList()) {
                String content = new String(sampleBytes(file.getFileName().toString()), StandardCharsets.UTF_8);
                assertThat(content).as(file + " uses CR only").doesNotContain("\n").endsWith("\r");
                assertThat(content).as(file + " PID-5").contains("||" + CANARY + "^");

                Hl7Report report = mapSample(file.getFileName().toString());
                PatientDocument document = report.document();
                assertThat(document.type()).isEqualTo(PatientDocument.NOTE);
                assertThat(document.language()).isEqualTo("en");
                assertThat(document.id()).isEqualTo(report.documentId());
                assertThat(document.clinicalType()).isEqualTo(report.clinicalType());
                assertThat(document.createdDateTime()).isEqualTo(report.createdDateTime());
                assertThat(document.content().sourceType()).isEqualTo(DocumentContent.INLINE);
                assertThat(document.text()).isEqualTo(report.text());
                assertThat(report.toString()).doesNotContain(report.patientId()).doesNotContain(CANARY);
            }
        }
    }
}
