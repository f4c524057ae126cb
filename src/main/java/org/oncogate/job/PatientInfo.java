package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Demographics a client may send; never used for inference and never printed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientInfo(String sex, String birthDate) {

    @Override
    public String toString() {
        return "PatientInfo[redacted]";
    }
}
