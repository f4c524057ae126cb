package org.oncogate.intake.inbox;

import java.util.Optional;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.InvalidJobException;
import org.oncogate.job.JobError;

/**
 * What the name of a {@code .txt} note says about it: {@code <patientId>[__<documentId>[__<clinicalType>]].txt}.
 * A missing document id is the patient id; a missing clinical type is the configured default.
 * Example: {@code P-1042__S23-0815__pathologyReport.txt}.
 */
record NoteFileName(String patientId, String documentId, ClinicalType clinicalType) {

    static final String SEPARATOR = "__";

    static NoteFileName parse(String fileName, ClinicalType defaultType) throws InvalidJobException {
        String base = fileName.substring(0, fileName.length() - ".txt".length());
        String[] parts = base.split(SEPARATOR, -1);
        if (parts.length > 3 || base.isBlank() || parts[0].isBlank()) {
            throw invalid("a note's file name is <patientId>[__<documentId>[__<clinicalType>]].txt");
        }
        String documentId = parts.length > 1 && !parts[1].isBlank() ? parts[1] : parts[0];
        Optional<ClinicalType> type = parts.length > 2 ? ClinicalType.find(parts[2]) : Optional.of(defaultType);
        if (type.isEmpty()) {
            throw invalid("the clinical type in the file name is not one of the allowed clinical types");
        }
        return new NoteFileName(parts[0], documentId, type.get());
    }

    private static InvalidJobException invalid(String message) {
        return new InvalidJobException(JobError.of("InvalidFileName", message, "file name"));
    }

    @Override
    public String toString() {
        return "NoteFileName[clinicalType=" + clinicalType + "]";
    }
}
