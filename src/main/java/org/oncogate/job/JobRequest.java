package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The canonical job: the Onco-Phenotype request body. Every intake channel produces one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobRequest(List<PatientRecord> patients, JobConfiguration configuration) {

    public JobRequest {
        patients = patients == null ? List.of() : List.copyOf(patients);
        configuration = configuration == null ? JobConfiguration.DEFAULTS : configuration;
    }

    public int documentCount() {
        return patients.stream().mapToInt(p -> p.patientDocuments().size()).sum();
    }

    public long characterCount() {
        return patients.stream().mapToLong(PatientRecord::characterCount).sum();
    }

    @Override
    public String toString() {
        return "JobRequest[patients=" + patients.size() + ", documents=" + documentCount() + "]";
    }
}
