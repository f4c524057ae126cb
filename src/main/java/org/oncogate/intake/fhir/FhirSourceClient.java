package org.oncogate.intake.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads from and writes to a FHIR source through camel-fhir (HAPI's client, with the process's one
 * {@code FhirContext}), with the source's bearer token if it has one. One endpoint per operation and
 * source; what varies per call travels in {@code CamelFhir.*} headers.
 */
public final class FhirSourceClient implements ResourceReader {

    private static final Logger LOG = LoggerFactory.getLogger(FhirSourceClient.class);

    private final FhirSource source;
    private final ProducerTemplate template;

    FhirSourceClient(FhirSource source, ProducerTemplate template) {
        this.source = source;
        this.template = template;
    }

    @Override
    public Resource read(String resourceType, String reference) throws FhirRefusal {
        return call("read/resourceByUrl", Map.of("CamelFhir.resourceClass", resourceType, "CamelFhir.url", reference),
                Resource.class);
    }

    @Override
    public Bundle search(String query) throws FhirRefusal {
        return call("search/searchByUrl", Map.of("CamelFhir.url", query), Bundle.class);
    }

    /** Posts a transaction Bundle; the server's answer, or an exception for the route's retry. */
    public Bundle transaction(Bundle bundle) {
        return template.requestBodyAndHeaders(endpoint("transaction/withBundle") + "&inBody=bundle", bundle, Map.of(),
                Bundle.class);
    }

    /** The camel-fhir endpoint of an operation on this source. */
    String endpoint(String operation) {
        return "fhir:" + operation + "?serverUrl=RAW(" + source.baseUrl() + ")&fhirVersion=R4&fhirContext=#fhirContext"
                + "&validationMode=NEVER" + (source.accessToken() == null ? "" : "&accessToken=RAW(" + source.accessToken() + ")");
    }

    private <T> T call(String operation, Map<String, Object> headers, Class<T> type) throws FhirRefusal {
        try {
            T result = template.requestBodyAndHeaders(endpoint(operation), null, headers, type);
            if (result == null) {
                throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "FocusNotFound",
                        "the source server returned nothing for a notified resource", null);
            }
            return result;
        } catch (CamelExecutionException e) {
            Throwable cause = e;
            // camel-fhir wraps HAPI's exception (in a RuntimeCamelException), the template wraps that again
            while (cause.getCause() != null && !(cause instanceof BaseServerResponseException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ResourceNotFoundException || cause instanceof ResourceGoneException) {
                throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "FocusNotFound",
                        "the source server has no resource at a notified reference", null);
            }
            // HAPI's messages may quote the server's answer: log the type only
            LOG.warn("FHIR source {}: {} failed: {}", source.name(), operation, cause.getClass().getName());
            throw new FhirRefusal(FhirRefusal.Reason.SOURCE_UNAVAILABLE, "SourceUnavailable",
                    "the gateway could not read a notified resource back from the source server; send it again", null);
        }
    }
}
