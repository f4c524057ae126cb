package org.oncogate.job;

import java.util.List;

/** The inferences for one patient. */
public record PatientResult(String patientId, List<Inference> inferences) {

    public PatientResult {
        inferences = List.copyOf(inferences);
    }

    @Override
    public String toString() {
        return "PatientResult[inferences=" + inferences.size() + "]";
    }
}
