package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncogate.inference.rules.RulesEngine;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.InferenceResult;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.JobOrigin;
import org.oncogate.job.JobRecord;
import org.oncogate.job.JobState;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;

/** A result with two primaries: each OBX carries its case in OBX-4, so the receiver can tell them apart. */
class Hl7ResultsCasesTest {

    @Test
    void eachCasesObservationsCarryItsCaseInObx4() throws Exception {
        String report = "Right breast, lumpectomy: invasive ductal carcinoma. pT1c pN0.\n"
                + "Left lung, upper lobe, wedge: adenocarcinoma of the lung, a second primary.";
        PatientRecord patient = new PatientRecord("MRN-CASES-1", null, List.of(new PatientDocument(PatientDocument.NOTE,
                ClinicalType.PATHOLOGY_REPORT, "doc-1", "en", "2026-12-01T00:00:00Z", DocumentContent.inline(report))));
        RulesEngine engine = new RulesEngine();
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        JobState state = JobState.notStarted("job-cases-1", now, now.plusSeconds(3600))
                .succeeded(new InferenceResult(List.of(engine.infer(patient, JobConfiguration.DEFAULTS)), engine.modelVersion()), now);
        Hl7Parsing parsing = Hl7Parsing.create();
        String oru = new Hl7Results(parsing, "eu-west").oru(new JobRecord(new JobOrigin(Hl7Intake.CHANNEL, "default",
                "MSG-CASES-1"), state)).orElseThrow();

        Message message = parsing.parser().parse(oru);
        Terser terser = new Terser(message);
        List<String> observations = new ArrayList<>();
        for (int i = 0; ; i++) {
            String at = "/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(" + i + ")/OBX-";
            String loinc = terser.get(at + "3-1");
            if (loinc == null) {
                break;
            }
            observations.add(terser.get(at + "4") + ":" + loinc + "=" + terser.get(at + "5-1"));
        }
        // 21855-2 primary site, 31205-8 histology, 21899-0 / 21900-6 pathologic T / N
        assertThat(observations).contains("1:21855-2=C50.9", "1:31205-8=8500", "1:21899-0=T1", "1:21900-6=N0",
                "2:21855-2=C34.1", "2:31205-8=8140");
    }
}
