package org.oncogate.job;

/** One piece of evidence for an inference, with its importance in [0, 1]. */
public record InferenceEvidence(ClinicalNoteEvidence patientDataEvidence, double importance) {

    public InferenceEvidence {
        if (importance < 0 || importance > 1) {
            throw new IllegalArgumentException("importance must lie in [0, 1]");
        }
        importance = Scores.rounded(importance);
    }
}
