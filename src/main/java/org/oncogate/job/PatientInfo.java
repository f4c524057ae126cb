package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Demographics a client may send; never used for inference and never printed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientInfo(String sex, String birthDate) {

    @Override
    public String toString() {
        return "PatientInfo[redacted]";
    }
}
