package org.oncogate.intake.fhir;

import java.util.List;
import java.util.Objects;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.JobRequest;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;

/**
 * One clinical document taken from a FHIR resource.
 *
 * @param type            {@code DocumentReference} or {@code DiagnosticReport}
 * @param id              the resource's logical id on its source server
 * @param version         its {@code meta.versionId}, else a version derived from its content (see {@link FhirDocumentMapper})
 * @param patientId       the id of the {@code Patient} its {@code subject} references
 * @param clinicalType    from the {@code type} and {@code category} codings, else the configured default
 * @param createdDateTime {@code date} (DocumentReference) or {@code issued}/{@code effective} (DiagnosticReport), or null
 * @param text            the document text; evidence offsets point into it
 */
public record FhirDocument(String type, String id, String version, String patientId, ClinicalType clinicalType,
                           String createdDateTime, String text) {

    public FhirDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(clinicalType, "clinicalType");
        Objects.requireNonNull(text, "text");
    }

    /** {@code Type/id}, the reference results point back to as their evidence. */
    public String reference() {
        return type + "/" + id;
    }

    /** The canonical job: this one patient with this one document (its id: the resource id). */
    public JobRequest request() {
        PatientDocument document = new PatientDocument(PatientDocument.NOTE, clinicalType, id, "en", createdDateTime,
                DocumentContent.inline(text));
        return new JobRequest(List.of(new PatientRecord(patientId, null, List.of(document))), null);
    }

    /** Never prints the patient id or the text. */
    @Override
    public String toString() {
        return "FhirDocument[" + reference() + "/_history/" + version + ", clinicalType=" + clinicalType
                + ", textLength=" + text.length() + "]";
    }
}
