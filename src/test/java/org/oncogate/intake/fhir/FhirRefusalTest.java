package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.subscription.SecretHash;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * Bad notifications get a clear 4xx with an OperationOutcome naming the problem (never the
 * content), nothing reaches the store, and the endpoint goes on serving. The gateway is fresh, so
 * "nothing stored" is: no byte under data/store until the first good notification.
 */
class FhirRefusalTest {

    static final String SECRET = "ehr-refusal-secret";
    static final String FAR_SECRET = "far-secret";
    static final FhirContext CLIENT_CONTEXT = FhirContext.forR4();
    static final String JSON = "application/fhir+json";
    static final String XML = "application/fhir+xml";

    @TempDir
    static Path folder;
    static RunningGateway gateway;
    static Notifier ehr;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.ofEntries(
                Map.entry("oncogate.subscriptions", "default,abroad"),
                Map.entry("oncogate.subscription.abroad.region", "us-east"),
                Map.entry("oncogate.subscription.abroad.key-sha256", hash("abroad-key")),
                Map.entry("oncogate.fhir.sources", "ehr,far"),
                Map.entry("oncogate.fhir.source.ehr.base-url", "http://localhost:9/fhir"),
                Map.entry("oncogate.fhir.source.ehr.secret-sha256", hash(SECRET)),
                Map.entry("oncogate.fhir.source.far.base-url", "http://localhost:9/fhir"),
                Map.entry("oncogate.fhir.source.far.subscription", "abroad"),
                Map.entry("oncogate.fhir.source.far.secret-sha256", hash(FAR_SECRET))));
        ehr = new Notifier(CLIENT_CONTEXT, gateway.baseUrl(), "ehr", SECRET);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void everyBadNotificationIsRefusedWithAnOperationOutcomeAndNothingIsStored() throws Exception {
        String document = CLIENT_CONTEXT.newJsonParser().encodeResourceToString(
                FhirTestDocuments.plainDocument("doc-1", "p-1", FhirTestDocuments.LUNG));

        refused(ehr.send("POST", "", bytes("{\"resourceType\": \"DocumentReference\", \"id\": \"" + PhiCanary.MARKER + "\",\n \"status\": "), JSON),
                400, "structure", "MalformedJson");
        refused(ehr.send("POST", "", bytes("{\"resourceType\": \"" + PhiCanary.MARKER + "\"}"), JSON),
                400, "structure", "UnknownResourceType");
        refused(ehr.send("POST", "", bytes(CLIENT_CONTEXT.newJsonParser().encodeResourceToString(
                FhirTestDocuments.patient("p-1"))), JSON), 422, "processing", "UnsupportedResourceType");
        refused(ehr.send("POST", "", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
                + "<DocumentReference xmlns=\"http://hl7.org/fhir\"><id value=\"&xxe;\"/></DocumentReference>"), XML),
                400, "structure", "XmlDoctypeNotAllowed");
        refused(ehr.send("POST", "", bytes(billionLaughs()), XML), 400, "structure", "XmlDoctypeNotAllowed");
        refused(ehr.send("POST", "", bytes("<DocumentReference xmlns=\"http://hl7.org/fhir\"><id value=\"" + PhiCanary.MARKER
                + "\"></DocumentReference>"), XML), 400, "structure", "MalformedXml");
        byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
        Arrays.fill(twentyMegabytes, (byte) 'a');
        System.arraycopy(bytes(document), 0, twentyMegabytes, 0, 20);
        refused(ehr.send("POST", "", twentyMegabytes, JSON), 413, "too-costly", "RequestTooLarge");
        refused(ehr.send("POST", "", bytes(document), "text/csv"), 415, "not-supported", "UnsupportedMediaType");
        refused(new Notifier(CLIENT_CONTEXT, gateway.baseUrl(), "ehr", "wrong").send("POST", "", bytes(document), JSON),
                401, "security", "Unauthorized");
        refused(new Notifier(CLIENT_CONTEXT, gateway.baseUrl(), "ehr", null).send("POST", "", bytes(document), JSON),
                401, "security", "Unauthorized");
        refused(new Notifier(CLIENT_CONTEXT, gateway.baseUrl(), "nosuchsource", SECRET).send("POST", "", bytes(document), JSON),
                401, "security", "Unauthorized");
        refused(new Notifier(CLIENT_CONTEXT, gateway.baseUrl(), "far", FAR_SECRET).send("POST", "", bytes(document), JSON),
                403, "forbidden", "SubscriptionRegionMismatch");
        refused(ehr.send("POST", "", bytes(CLIENT_CONTEXT.newJsonParser().encodeResourceToString(
                FhirTestDocuments.plainDocument("doc-2", "p-1", " "))), JSON), 422, "processing", "MissingDocumentText");
        refused(ehr.send("PUT", "/DocumentReference/doc-1", new byte[0], null), 503, "transient", "SourceUnavailable");
        assertThat(gateway.storedBytes()).as("no byte stored for any refusal").isZero();

        // the endpoint keeps serving: a good notification, in JSON and in (safe) XML
        HttpResponse<String> json = ehr.send("POST", "", bytes(document), JSON);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        String xml = CLIENT_CONTEXT.newXmlParser().encodeResourceToString(
                FhirTestDocuments.plainDocument("doc-xml", "p-1", FhirTestDocuments.LUNG));
        HttpResponse<String> fromXml = ehr.send("POST", "", bytes(xml), XML);
        assertThat(fromXml.statusCode()).as(fromXml.body()).isEqualTo(200);
        assertThat(ehr.outcome(fromXml).getIssueFirstRep().getDiagnostics()).startsWith("stored as job ");
        assertThat(gateway.storedBytes()).isPositive();
    }

    private static void refused(HttpResponse<String> response, int status, String issueType, String code) {
        assertThat(response.statusCode()).as("status for %s", code).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(response.body()).as("no patient data in the answer").doesNotContain(PhiCanary.MARKER);
        OperationOutcome outcome = ehr.outcome(response);
        assertThat(outcome.getIssue()).hasSize(1);
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.getCode().toCode()).as("issue type for %s", code).isEqualTo(issueType);
        assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo(code);
        assertThat(issue.getDiagnostics()).startsWith(code + ": ");
    }

    /** Ten levels of ten: a billion "lol"s if expanded. */
    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            dtd.append(" <!ENTITY lol").append(level).append(" \"");
            dtd.append(("&lol" + (level == 1 ? "" : level - 1) + ";").repeat(10)).append("\">\n");
        }
        return dtd + "]>\n<DocumentReference xmlns=\"http://hl7.org/fhir\"><description value=\"&lol9;\"/></DocumentReference>";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(SecretHash.sha256(secret));
    }
}
