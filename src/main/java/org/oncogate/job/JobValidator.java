package org.oncogate.job;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a canonical job against the hosted Onco-Phenotype service's documented rules. The first
 * broken rule is reported with the JSON path of the offending element.
 */
public final class JobValidator {

    private final JobLimits limits;

    public JobValidator(JobLimits limits) {
        this.limits = limits;
    }

    public void validate(JobRequest request) throws InvalidJobException {
        List<PatientRecord> patients = request.patients();
        require(!patients.isEmpty(), "MissingPatients", "the request has no patients", "patients");
        require(patients.size() <= limits.maxPatients(), "TooManyPatients",
                "at most " + limits.maxPatients() + " patient(s) per request", "patients");
        Set<String> patientIds = new HashSet<>();
        for (int p = 0; p < patients.size(); p++) {
            PatientRecord patient = patients.get(p);
            String at = "patients[" + p + "]";
            require(notBlank(patient.id()), "MissingPatientId", "every patient needs an id", at + ".id");
            require(patientIds.add(patient.id()), "DuplicatePatientId", "patient ids must be unique", at + ".id");
            validateDocuments(patient, at);
        }
        List<InferenceType> types = request.configuration().inferenceTypes();
        for (int t = 0; t < types.size(); t++) {
            require(limits.inferenceTypes().contains(types.get(t)), "UnsupportedInferenceType",
                    "this inference type is not offered by this service", "configuration.inferenceTypes[" + t + "]");
        }
    }

    private void validateDocuments(PatientRecord patient, String at) throws InvalidJobException {
        List<PatientDocument> documents = patient.patientDocuments();
        require(!documents.isEmpty(), "MissingDocuments", "every patient needs at least one document",
                at + ".patientDocuments");
        Set<String> documentIds = new HashSet<>();
        for (int d = 0; d < documents.size(); d++) {
            PatientDocument document = documents.get(d);
            String docAt = at + ".patientDocuments[" + d + "]";
            require(notBlank(document.id()), "MissingDocumentId", "every document needs an id", docAt + ".id");
            require(documentIds.add(document.id()), "DuplicateDocumentId",
                    "document ids must be unique within a patient", docAt + ".id");
            require(document.type() == null || PatientDocument.NOTE.equals(document.type()), "UnsupportedDocumentType",
                    "only documents of type 'note' are supported", docAt + ".type");
            require(document.clinicalType() != null, "MissingClinicalType", "every document needs a clinicalType",
                    docAt + ".clinicalType");
            require(limits.clinicalTypes().contains(document.clinicalType()), "UnsupportedClinicalType",
                    "this clinical type is not accepted by this service", docAt + ".clinicalType");
            require(document.language() == null || "en".equals(document.language()), "UnsupportedLanguage",
                    "only language 'en' is supported", docAt + ".language");
            require(isDateTime(document.createdDateTime()), "InvalidCreatedDateTime",
                    "createdDateTime must be an ISO-8601 date-time", docAt + ".createdDateTime");
            DocumentContent content = document.content();
            require(content != null && DocumentContent.INLINE.equals(content.sourceType()), "UnsupportedContentSource",
                    "only inline document content is supported", docAt + ".content.sourceType");
            require(notBlank(content.value()), "EmptyDocument", "document content is empty", docAt + ".content.value");
        }
        require(patient.characterCount() <= limits.maxCharactersPerPatient(), "PatientTextTooLong",
                "the documents of one patient may hold at most " + limits.maxCharactersPerPatient() + " characters",
                at + ".patientDocuments");
    }

    private static boolean isDateTime(String value) {
        if (value == null) {
            return true;
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException withoutOffset) {
            // the official 2023-03-01-preview example sends "2022-01-01T00:00:00"
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean rule, String code, String message, String target) throws InvalidJobException {
        if (!rule) {
            throw new InvalidJobException(JobError.of(code, message, target));
        }
    }
}
