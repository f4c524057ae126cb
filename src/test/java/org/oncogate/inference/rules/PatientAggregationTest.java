package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.ENGINE;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.job.InferenceType.HISTOLOGY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.Inference;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;

/** One patient, several documents: pathology outranks other types, later outranks earlier, conflicts cost confidence. */
class PatientAggregationTest {

    private static PatientDocument document(String id, ClinicalType type, String created, String text) {
        return new PatientDocument(PatientDocument.NOTE, type, id, "en", created, DocumentContent.inline(text));
    }

    private static Inference infer(PatientDocument... documents) {
        return inference(ENGINE.infer(new PatientRecord("p", null, List.of(documents)), JobConfiguration.DEFAULTS), HISTOLOGY);
    }

    @Test
    void pathologyOutranksAProgressNote() {
        // the note (written later) says adenocarcinoma, the pathology report squamous cell carcinoma
        Inference histology = infer(
                document("path", ClinicalType.PATHOLOGY_REPORT, "2024-01-02T00:00:00Z", "Lung, biopsy: squamous cell carcinoma."),
                document("note", ClinicalType.PROGRESS, "2024-01-05T00:00:00Z", "Assessment: lung adenocarcinoma."));
        assertThat(histology.value()).isEqualTo("8070");
        assertThat(histology.evidence().get(0).patientDataEvidence().id()).isEqualTo("path");
    }

    @Test
    void theLaterOfTwoEqualPathologyReportsWins() {
        // a biopsy, then the resection that revises it, equally worded, so only time decides; listed out of order
        Inference histology = infer(
                document("resection", ClinicalType.PATHOLOGY_REPORT, "2024-03-01T00:00:00Z", "Diagnosis: liposarcoma."),
                document("biopsy", ClinicalType.PATHOLOGY_REPORT, "2024-01-15T00:00:00Z", "Diagnosis: leiomyosarcoma."));
        assertThat(histology.value()).isEqualTo("8850");
        assertThat(histology.evidence().get(0).patientDataEvidence().id()).isEqualTo("resection");
        Inference reversed = infer(
                document("resection", ClinicalType.PATHOLOGY_REPORT, "2024-03-01T00:00:00Z", "Diagnosis: leiomyosarcoma."),
                document("biopsy", ClinicalType.PATHOLOGY_REPORT, "2024-01-15T00:00:00Z", "Diagnosis: liposarcoma."));
        assertThat(reversed.value()).isEqualTo("8890");
    }

    @Test
    void disagreeingReportsLowerTheConfidence() {
        PatientDocument first = document("a", ClinicalType.PATHOLOGY_REPORT, "2024-01-01T00:00:00Z", "Diagnosis: leiomyosarcoma.");
        PatientDocument agreeing = document("b", ClinicalType.PATHOLOGY_REPORT, "2024-01-02T00:00:00Z", "Diagnosis: leiomyosarcoma.");
        PatientDocument disagreeing = document("c", ClinicalType.PATHOLOGY_REPORT, "2024-01-02T00:00:00Z", "Diagnosis: liposarcoma.");
        Inference agreed = infer(first, agreeing);
        Inference disputed = infer(first, disagreeing);
        assertThat(agreed.value()).isEqualTo("8890");
        assertThat(disputed.confidenceScore()).isLessThan(agreed.confidenceScore());
    }
}
