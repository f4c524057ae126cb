package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One clinical document of a patient. {@code kind} is accepted for {@code type} because the
 * official 2023-03-01-preview example sends it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientDocument(
        @JsonAlias("kind") String type,
        ClinicalType clinicalType,
        String id,
        String language,
        String createdDateTime,
        DocumentContent content) {

    public static final String NOTE = "note";

    /** The inline text, or null when there is none. */
    public String text() {
        return content == null ? null : content.value();
    }

    @Override
    public String toString() {
        return "PatientDocument[id=" + id + ", clinicalType=" + clinicalType + ", " + content + "]";
    }
}
