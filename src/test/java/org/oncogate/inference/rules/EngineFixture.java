package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.oncogate.job.ClinicalNoteEvidence;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;

/** One shared engine (as in production) and helpers to run it on synthetic single-document patients. */
final class EngineFixture {

    static final RulesEngine ENGINE = new RulesEngine();

    private EngineFixture() {
    }

    static PatientDocument document(String id, ClinicalType type, String text) {
        return new PatientDocument(PatientDocument.NOTE, type, id, "en", "2024-01-01T00:00:00Z", DocumentContent.inline(text));
    }

    static PatientResult run(ClinicalType type, String text, JobConfiguration configuration) {
        return ENGINE.infer(new PatientRecord("patient-1", null, List.of(document("doc-1", type, text))), configuration);
    }

    static PatientResult pathology(String text) {
        return run(ClinicalType.PATHOLOGY_REPORT, text, JobConfiguration.DEFAULTS);
    }

    static Inference inference(PatientResult result, InferenceType type) {
        return result.inferences().stream().filter(i -> i.type() == type).findFirst().orElseThrow();
    }

    /**
     * The submitted words the best evidence of {@code type} points at, checked to be exactly
     * {@code submitted.substring(offset, offset + length)} and the evidence's own text.
     */
    static String evidenceWords(String submitted, PatientResult result, InferenceType type) {
        Inference inference = inference(result, type);
        assertThat(inference.evidence()).as("evidence of %s", type).isNotEmpty();
        ClinicalNoteEvidence evidence = inference.evidence().get(0).patientDataEvidence();
        String words = submitted.substring(evidence.offset(), evidence.offset() + evidence.length());
        assertThat(evidence.text()).isEqualTo(words);
        return words;
    }

    static String value(PatientResult result, InferenceType type) {
        return inference(result, type).value();
    }
}
