package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A patient and their documents. 2023-09-01-preview names the documents {@code patientDocuments},
 * 2023-03-01-preview {@code data}; both are read, the first is written.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientRecord(
        String id,
        PatientInfo info,
        @JsonAlias("data") List<PatientDocument> patientDocuments) {

    public PatientRecord {
        patientDocuments = patientDocuments == null ? List.of() : List.copyOf(patientDocuments);
    }

    /** Characters of document text, as the service's per-patient limit counts them. */
    public long characterCount() {
        return patientDocuments.stream().mapToLong(d -> d.text() == null ? 0 : d.text().length()).sum();
    }

    @Override
    public String toString() {
        return "PatientRecord[documents=" + patientDocuments.size() + "]";
    }
}
