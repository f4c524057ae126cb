package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;
import org.oncogate.testing.PhiCanary;

/** What text, patient, clinical type and version a FHIR document gives its job; no server involved. */
class FhirDocumentMapperTest {

    private static final FhirDocumentMapper MAPPER = new FhirDocumentMapper(ClinicalTypeTable.load(), ClinicalType.PROGRESS);
    /** A source that is never asked: the resources given hold everything. */
    static final ResourceReader NO_SERVER = new ResourceReader() {
        @Override
        public Resource read(String resourceType, String reference) {
            throw new AssertionError("nothing to read back");
        }

        @Override
        public Bundle search(String query) {
            throw new AssertionError("nothing to search");
        }
    };

    @Test
    void aDocumentReferencePrefersPlainTextOverHtmlAndTakesTypeSubjectDateAndVersion() throws Exception {
        DocumentReference document = FhirTestDocuments.plainDocument("doc-1", "p-9", "plain " + PhiCanary.MARKER);
        document.getContent().add(0, new DocumentReference.DocumentReferenceContentComponent().setAttachment(
                new Attachment().setContentType("text/html").setData("<p>html</p>".getBytes(StandardCharsets.UTF_8))));
        document.getMeta().setVersionId("3");

        FhirDocument mapped = MAPPER.map(document, NO_SERVER);

        assertThat(mapped.text()).isEqualTo("plain " + PhiCanary.MARKER);
        assertThat(mapped.patientId()).isEqualTo("p-9");
        assertThat(mapped.clinicalType()).as("LOINC 11526-1 in http://loinc.org").isEqualTo(ClinicalType.PATHOLOGY_REPORT);
        assertThat(mapped.version()).isEqualTo("3");
        assertThat(mapped.createdDateTime()).isEqualTo(document.getDateElement().getValueAsString());
        assertThat(mapped.toString()).doesNotContain(PhiCanary.MARKER).doesNotContain("p-9");
    }

    @Test
    void aDiagnosticReportWithoutPresentedFormReadsItsNarrativeThenItsConclusionAndItsCategory() throws Exception {
        DiagnosticReport report = new DiagnosticReport();
        report.setId("dr-1");
        report.setSubject(new Reference("Patient/p-1"));
        report.setCode(new CodeableConcept().addCoding(new Coding("http://example.org/local", "X1", null)));
        report.addCategory(new CodeableConcept().addCoding(
                new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")));
        report.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>CT chest:</p><p>mass in the right upper lobe</p></div>");
        report.setConclusion("Suspicious for malignancy.");

        FhirDocument mapped = MAPPER.map(report, NO_SERVER);

        assertThat(mapped.text()).isEqualTo("CT chest:\nmass in the right upper lobe\n\nSuspicious for malignancy.");
        assertThat(mapped.clinicalType()).as("category RAD").isEqualTo(ClinicalType.RADIOLOGY_REPORT);
        assertThat(mapped.version()).as("no versionId: a hash of the text").startsWith("sha256-");
        assertThat(MAPPER.map(report, NO_SERVER).version()).isEqualTo(mapped.version());
    }

    @Test
    void anAttachmentInItsDeclaredCharsetIsDecodedStrictly() throws Exception {
        DocumentReference latin = FhirTestDocuments.plainDocument("doc-2", "p-1", "");
        latin.getContentFirstRep().getAttachment().setContentType("text/plain; charset=ISO-8859-1")
                .setData("tumeur maligne \u00e9tendue".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(MAPPER.map(latin, NO_SERVER).text()).isEqualTo("tumeur maligne \u00e9tendue");

        DocumentReference broken = FhirTestDocuments.plainDocument("doc-3", "p-1", "");
        broken.getContentFirstRep().getAttachment().setData(new byte[] {'o', 'k', (byte) 0xff});
        FhirRefusal refusal = catchThrowableOfType(FhirRefusal.class, () -> MAPPER.map(broken, NO_SERVER));
        assertThat(refusal.code()).isEqualTo("InvalidEncoding");
        assertThat(refusal.reason().status()).isEqualTo(422);
    }

    @Test
    void aDocumentWithoutAPatientSubjectIsRefused() {
        DocumentReference document = FhirTestDocuments.plainDocument("doc-4", "p-1", "text");
        document.setSubject(new Reference("Group/g-1"));
        FhirRefusal refusal = catchThrowableOfType(FhirRefusal.class, () -> MAPPER.map(document, NO_SERVER));
        assertThat(refusal.code()).isEqualTo("MissingPatient");
        assertThat(refusal.location()).isEqualTo("DocumentReference.subject");
    }
}
