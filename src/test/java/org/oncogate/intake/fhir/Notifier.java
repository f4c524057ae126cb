package org.oncogate.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.client.api.IHttpClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Sends notifications to the gateway's FHIR endpoint of one source: with HAPI's FHIR client (as a
 * FHIR server's rest-hook would; an empty ping through its HTTP transport) or, for what a FHIR client
 * does not send (broken bodies, an empty PUT), as plain HTTP.
 */
final class Notifier {

    static final String SECRET_HEADER = "X-Oncogate-Secret";

    private final FhirContext context;
    private final String endpoint;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Notifier(FhirContext context, String gatewayBaseUrl, String source, String secret) {
        this.context = context;
        // the gateway's endpoint is no FHIR server: it has no /metadata to check
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        this.endpoint = gatewayBaseUrl + "/fhir/" + source;
        this.secret = secret;
    }

    /** HAPI's generic client on the source's endpoint, sending the shared secret. */
    IGenericClient client() {
        IGenericClient client = context.newRestfulGenericClient(endpoint);
        AdditionalRequestHeadersInterceptor headers = new AdditionalRequestHeadersInterceptor();
        if (secret != null) {
            headers.addHeaderValue(SECRET_HEADER, secret);
        }
        client.registerInterceptor(headers);
        return client;
    }

    /**
     * An empty POST to the source's endpoint (a ping), through HAPI's client transport: its status and
     * the answer's OperationOutcome.
     */
    PingAnswer ping() throws IOException {
        IHttpClient client = context.getRestfulClientFactory().getHttpClient(new StringBuilder(endpoint), null, null,
                RequestTypeEnum.POST, List.of());
        IHttpRequest request = client.createByteRequest(context, "", "application/fhir+json", EncodingEnum.JSON);
        if (secret != null) {
            request.addHeader(SECRET_HEADER, secret);
        }
        IHttpResponse response = request.execute();
        try (Reader body = response.createReader()) {
            return new PingAnswer(response.getStatus(), context.newJsonParser().parseResource(OperationOutcome.class, body));
        } finally {
            response.close();
        }
    }

    record PingAnswer(int status, OperationOutcome outcome) {
    }

    /** A plain request: method, path under the source's endpoint, body, content type. */
    HttpResponse<String> send(String method, String path, byte[] body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (secret != null) {
            request.header(SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    OperationOutcome outcome(HttpResponse<String> response) {
        return context.newJsonParser().parseResource(OperationOutcome.class, response.body());
    }
}
