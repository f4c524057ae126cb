package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;

/** What the FHIR fuzz harness (FhirFuzz) found: each was a 500, or text from a body in a log line. */
class FhirHostileInputTest {

    private static final FhirParsing PARSING = new FhirParsing();
    private static final ResourceReader NO_SERVER = FhirDocumentMapperTest.NO_SERVER;

    @Test
    void aSubscriptionStatusParameterWithoutANameIsSkippedNotAnError() throws FhirRefusal {
        Parameters status = new Parameters();
        status.getMeta().addProfile(
                "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4");
        status.addParameter().setValue(new Reference("Subscription/s1")); // no name: HAPI's lookup by name fails
        status.addParameter().setName("type").setValue(new CodeType("heartbeat"));
        Bundle notification = new Bundle().setType(Bundle.BundleType.HISTORY);
        notification.addEntry().setResource(status);
        assertThat(Notification.of(null, null, notification).kind()).isEqualTo(Notification.Kind.STATUS_ONLY);
    }

    @Test
    void aBundleEntryWithoutAResourceTypeIsMalformedJson() {
        // (the fuzzed bundle on which HAPI's parser threw a NullPointerException was longer; FhirParsing
        // now refuses any runtime failure of the parser as MalformedJson)
        byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"history\",\"entry\":[{\"fullUrl\":\"urn:uuid:1\",\"resource\":{}}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PARSING.parse(body, FhirParsing.Format.JSON)).isInstanceOf(FhirRefusal.class)
                .extracting(e -> ((FhirRefusal) e).code()).isEqualTo("MalformedJson");
    }

    @Test
    void aBrokenDoctypeIsMalformedXml() {
        byte[] body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ELEMENT \u0001>]><x/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SafeXml.screen(body)).isInstanceOf(FhirRefusal.class)
                .extracting(e -> ((FhirRefusal) e).code()).isIn("MalformedXml", "XmlDoctypeNotAllowed");
    }

    @Test
    void aResourceIdThatIsNotAFhirIdIsRefused() {
        // ids are logged and name jobs: text in an id must not get that far
        DocumentReference document = new DocumentReference();
        document.setId("Patient name Jane Doe");
        document.setSubject(new Reference("Patient/p1"));
        document.addContent().setAttachment(new Attachment().setContentType("text/plain")
                .setData("Adenocarcinoma, pT2 pN0.".getBytes(StandardCharsets.UTF_8)));
        FhirDocumentMapper mapper = new FhirDocumentMapper(ClinicalTypeTable.load(), ClinicalType.PATHOLOGY_REPORT);
        assertThatThrownBy(() -> mapper.map(document, NO_SERVER)).isInstanceOf(FhirRefusal.class)
                .extracting(e -> ((FhirRefusal) e).code()).isEqualTo("InvalidId");
        document.setId("doc-1.2");
        assertThatCode(() -> mapper.map(document, NO_SERVER)).doesNotThrowAnyException();
    }

}
