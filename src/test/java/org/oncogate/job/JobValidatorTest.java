package org.oncogate.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncogate.testing.PhiCanary;

/** Each of the hosted service's rules, with the JSON path it reports and no patient data in the message. */
class JobValidatorTest {

    private static final String TEXT = PhiCanary.patientLine() + " Invasive ductal carcinoma, pT1c pN0.";
    private final JobValidator validator = new JobValidator(JobLimits.of(50_000, 1));

    @Test
    void aWellFormedRequestPasses() {
        assertThatCode(() -> validator.validate(request(patient("P1", document("d1", TEXT))))).doesNotThrowAnyException();
    }

    @Test
    void eachRuleReportsItsCodeAndPath() {
        assertRefused(new JobRequest(List.of(), null), "MissingPatients", "patients");
        assertRefused(new JobRequest(List.of(patient("P1", document("d1", TEXT)), patient("P2", document("d1", TEXT))),
                null), "TooManyPatients", "patients");
        assertRefused(request(patient(" ", document("d1", TEXT))), "MissingPatientId", "patients[0].id");
        assertRefused(request(new PatientRecord("P1", null, List.of())), "MissingDocuments",
                "patients[0].patientDocuments");
        assertRefused(request(patient("P1", document("d1", TEXT), document("d1", TEXT))), "DuplicateDocumentId",
                "patients[0].patientDocuments[1].id");
        assertRefused(request(patient("P1", new PatientDocument("note", ClinicalType.PATHOLOGY_REPORT, "d1", "fr",
                null, DocumentContent.inline(TEXT)))), "UnsupportedLanguage", "patients[0].patientDocuments[0].language");
        assertRefused(request(patient("P1", new PatientDocument("note", ClinicalType.PATHOLOGY_REPORT, "d1", "en",
                null, new DocumentContent("reference", "https://example.org/x")))), "UnsupportedContentSource",
                "patients[0].patientDocuments[0].content.sourceType");
        assertRefused(request(patient("P1", new PatientDocument("note", ClinicalType.PATHOLOGY_REPORT, "d1", "en",
                "yesterday", DocumentContent.inline(TEXT)))), "InvalidCreatedDateTime",
                "patients[0].patientDocuments[0].createdDateTime");
        assertRefused(request(patient("P1", new PatientDocument("dicom", ClinicalType.PATHOLOGY_REPORT, "d1", "en",
                null, DocumentContent.inline(TEXT)))), "UnsupportedDocumentType", "patients[0].patientDocuments[0].type");
        assertRefused(request(patient("P1", document("d1", "x".repeat(30_000)), document("d2", "y".repeat(20_001)))),
                "PatientTextTooLong", "patients[0].patientDocuments");
    }

    @Test
    void fiftyThousandCharactersPerPatientAreAllowed() {
        assertThatCode(() -> validator.validate(request(patient("P1", document("d1", "x".repeat(30_000)),
                document("d2", "y".repeat(20_000)))))).doesNotThrowAnyException();
    }

    @Test
    void configuredClinicalAndInferenceTypesLimitTheRequest() {
        JobValidator strict = new JobValidator(new JobLimits(50_000, 1, EnumSet.of(ClinicalType.PATHOLOGY_REPORT),
                EnumSet.of(InferenceType.HISTOLOGY)));
        PatientRecord imaging = patient("P1", new PatientDocument("note", ClinicalType.RADIOLOGY_REPORT, "d1", "en",
                null, DocumentContent.inline(TEXT)));
        assertThatThrownBy(() -> strict.validate(request(imaging))).isInstanceOf(InvalidJobException.class)
                .satisfies(e -> assertThat(((InvalidJobException) e).error().code()).isEqualTo("UnsupportedClinicalType"));
        JobRequest askingForStage = new JobRequest(List.of(patient("P1", document("d1", TEXT))),
                new JobConfiguration(null, null, List.of(InferenceType.HISTOLOGY, InferenceType.PATHOLOGIC_STAGE_T), null));
        assertThatThrownBy(() -> strict.validate(askingForStage)).isInstanceOf(InvalidJobException.class)
                .satisfies(e -> assertThat(((InvalidJobException) e).error().target())
                        .isEqualTo("configuration.inferenceTypes[1]"));
    }

    private void assertRefused(JobRequest request, String code, String target) {
        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageNotContaining(PhiCanary.MARKER)
                .satisfies(e -> {
                    JobError error = ((InvalidJobException) e).error();
                    assertThat(error.code()).isEqualTo(code);
                    assertThat(error.target()).isEqualTo(target);
                });
    }

    private static JobRequest request(PatientRecord patient) {
        return new JobRequest(List.of(patient), null);
    }

    private static PatientRecord patient(String id, PatientDocument... documents) {
        return new PatientRecord(id, null, List.of(documents));
    }

    private static PatientDocument document(String id, String text) {
        return new PatientDocument("note", ClinicalType.PATHOLOGY_REPORT, id, "en", "2026-11-20T09:30:00Z",
                DocumentContent.inline(text));
    }
}
