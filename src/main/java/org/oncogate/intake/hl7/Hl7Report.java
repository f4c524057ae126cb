package org.oncogate.intake.hl7;

import java.util.List;
import org.oncogate.job.JobRequest;
import org.oncogate.job.PatientRecord;
import java.util.Objects;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.PatientDocument;

/**
 * One clinical document taken from an HL7 message, with the header fields its channel answers by.
 *
 * @param sender          MSH-3.1 + "^" + MSH-4.1, e.g. {@code LIS^GENHOSP}
 * @param controlId       MSH-10
 * @param messageType     MSH-9.1 + "^" + MSH-9.2, e.g. {@code ORU^R01}
 * @param patientId       PID-3 (first repetition, CX.1)
 * @param documentId      TXA-12, else OBR-3, else OBR-2, else MSH-10
 * @param clinicalType    from OBR-4 or TXA-2 through {@link ClinicalTypeTable}, else the configured default
 * @param createdDateTime OBR-7 or TXA-4 as ISO-8601 with offset, or null
 * @param text            the report text (see {@link ReportText}); evidence offsets point into it
 */
public record Hl7Report(String sender, String controlId, String messageType, String patientId, String documentId,
                        ClinicalType clinicalType, String createdDateTime, String text) {

    public Hl7Report {
        requireText(sender, "sender");
        requireText(controlId, "controlId");
        requireText(messageType, "messageType");
        requireText(patientId, "patientId");
        requireText(documentId, "documentId");
        Objects.requireNonNull(clinicalType, "clinicalType");
        requireText(text, "text");
    }

    /** The document for the canonical job: a note in English with the text inline. */
    public PatientDocument document() {
        return new PatientDocument(PatientDocument.NOTE, clinicalType, documentId, "en", createdDateTime,
                DocumentContent.inline(text));
    }

    /** The canonical job: this one patient with this one document. */
    public JobRequest request() {
        return new JobRequest(List.of(new PatientRecord(patientId, null, List.of(document()))), null);
    }

    /** Never prints the patient id or the text. */
    @Override
    public String toString() {
        return "Hl7Report[sender=" + sender + ", controlId=" + controlId + ", messageType=" + messageType
                + ", documentId=" + documentId + ", clinicalType=" + clinicalType + ", textLength=" + text.length() + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
