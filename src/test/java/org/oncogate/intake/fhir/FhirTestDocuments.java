package org.oncogate.intake.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.oncogate.testing.PhiCanary;

/** Synthetic FHIR documents and notifications, each carrying the PHI canary. */
final class FhirTestDocuments {

    /** A lobectomy report: the engine infers C34.1, 8140, pT2 and a positive pN from it. */
    static final String LUNG = PhiCanary.patientLine()
            + "\nFINAL DIAGNOSIS: Right upper lobe: adenocarcinoma of the lung, pT2a pN1 M0.";

    private FhirTestDocuments() {
    }

    static Patient patient(String id) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.addName().setFamily(PhiCanary.MARKER).addGiven("Test");
        return patient;
    }

    /** A pathology DocumentReference (LOINC 11526-1) with the text inline as text/plain. */
    static DocumentReference plainDocument(String id, String patientId, String text) {
        DocumentReference document = new DocumentReference();
        document.setId(id);
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(new CodeableConcept().addCoding(new Coding("http://loinc.org", "11526-1", "Pathology study")));
        document.setSubject(new Reference("Patient/" + patientId));
        document.setDate(new Date());
        document.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
                .setData(text.getBytes(StandardCharsets.UTF_8)));
        return document;
    }

    /** A DocumentReference whose only attachment is a Binary on the server (RTF), named by url. */
    static DocumentReference binaryDocument(String id, String patientId, String binaryId) {
        DocumentReference document = plainDocument(id, patientId, "");
        document.getContent().clear();
        document.addContent().setAttachment(new Attachment().setContentType("application/rtf").setUrl("Binary/" + binaryId));
        return document;
    }

    static Binary rtfBinary(String id, String text) {
        Binary binary = new Binary();
        binary.setId(id);
        binary.setContentType("application/rtf");
        binary.setData(("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 " + text.replace("\n", "\\par ") + "\\par}")
                .getBytes(StandardCharsets.UTF_8));
        return binary;
    }

    /** A DiagnosticReport with its text as an HTML presentedForm. */
    static DiagnosticReport htmlReport(String id, String patientId, String text) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(id);
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "11526-1", "Pathology study")));
        report.setSubject(new Reference("Patient/" + patientId));
        report.setIssued(new Date());
        String html = "<html><body><h1>Surgical pathology</h1><p>" + text.replace("\n", "</p><p>") + "</p></body></html>";
        report.addPresentedForm().setContentType("text/html").setData(html.getBytes(StandardCharsets.UTF_8));
        return report;
    }

    /**
     * A Subscriptions R5 Backport notification (R4): a history Bundle, first the subscription status
     * ({@code type} event-notification, handshake or heartbeat), then one entry per focus, with the
     * resource (full-resource) or with its full URL only (id-only).
     */
    static Bundle backport(String type, String baseUrl, Resource... foci) {
        Parameters status = new Parameters();
        status.getMeta().addProfile(Notification.BACKPORT_STATUS);
        status.addParameter().setName("subscription").setValue(new Reference("Subscription/oncogate"));
        status.addParameter().setName("topic").setValue(new StringType("http://example.org/topic/documents"));
        status.addParameter().setName("status").setValue(new org.hl7.fhir.r4.model.CodeType("active"));
        status.addParameter().setName("type").setValue(new org.hl7.fhir.r4.model.CodeType(type));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
        bundle.addEntry().setFullUrl("urn:uuid:4a1e0c2f-status").setResource(status);
        int number = 1;
        for (Resource focus : foci) {
            Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
            event.addPart().setName("event-number").setValue(new StringType(Integer.toString(number++)));
            event.addPart().setName("timestamp").setValue(new InstantType(new Date()));
            event.addPart().setName("focus").setValue(new Reference(focus.fhirType() + "/" + focus.getIdElement().getIdPart()));
        }
        return bundle;
    }

    /** Adds the focus entries: with the resources (full-resource) or their full URLs only (id-only). */
    static Bundle withEntries(Bundle backport, String baseUrl, boolean fullResource, Resource... foci) {
        for (Resource focus : foci) {
            Bundle.BundleEntryComponent entry = backport.addEntry()
                    .setFullUrl(baseUrl + "/" + focus.fhirType() + "/" + focus.getIdElement().getIdPart());
            if (fullResource) {
                entry.setResource(focus);
            }
            entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(focus.fhirType() + "/" + focus.getIdElement().getIdPart());
            entry.getResponse().setStatus("200");
        }
        return backport;
    }
}
