package org.oncogate.inference.remote;

import java.io.IOException;
import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.CompositeHttpConfigurer;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.DefaultExchange;

/**
 * One HTTP call to the remote service through camel-http, with the connect and read timeouts of
 * the policy and no automatic retries (the engine retries, with backoff and a deadline). Only the
 * headers set here are sent; every status comes back as a {@link RemoteResponse}, a transport
 * failure (refused, reset, timed out) as an {@link IOException}.
 */
final class RemoteHttp {

    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    static final String REQUEST_ID = "Repeatability-Request-ID";

    private final CamelContext context;
    private final Endpoint endpoint;
    private final String key;
    private final ProducerTemplate template;

    RemoteHttp(CamelContext context, RemoteEndpoint remote, RetryPolicy policy) {
        this.context = context;
        this.key = remote.key();
        long connect = policy.connectTimeout().toMillis();
        long read = policy.readTimeout().toMillis();
        // every call names its own URL in CamelHttpUri; statuses are the engine's to judge
        HttpEndpoint http = context.getEndpoint(remote.baseUrl() + "?throwExceptionOnFailure=false"
                + "&connectTimeout=" + connect + "&connectionRequestTimeout=" + connect
                + "&soTimeout=" + read + "&responseTimeout=" + read, HttpEndpoint.class);
        // Apache HttpClient would retry some failures itself, out of the policy's count and deadline
        http.setHttpClientConfigurer(CompositeHttpConfigurer.combineConfigurers(http.getHttpClientConfigurer(),
                builder -> builder.disableAutomaticRetries().disableCookieManagement()));
        this.endpoint = http;
        this.template = context.createProducerTemplate();
        try {
            context.addService(template, true); // stopped with the context
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the remote inference client", e);
        }
    }

    RemoteResponse post(URI url, String requestId, byte[] json) throws IOException {
        return send("POST", url, requestId, json);
    }

    RemoteResponse get(URI url) throws IOException {
        return send("GET", url, null, null);
    }

    private RemoteResponse send(String method, URI url, String requestId, byte[] json) throws IOException {
        Exchange exchange = new DefaultExchange(context);
        Message in = exchange.getIn();
        in.setHeader(Exchange.HTTP_METHOD, method);
        in.setHeader(Exchange.HTTP_URI, url.toString());
        in.setHeader(KEY_HEADER, key);
        in.setHeader("Accept", "application/json");
        if (requestId != null) {
            in.setHeader(REQUEST_ID, requestId);
        }
        if (json != null) {
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(json);
        }
        Exchange done = template.send(endpoint, exchange);
        Exception failure = done.getException();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            // not a transport failure: a bug or a misconfiguration, never the body (camel-http does not quote it)
            throw new IllegalStateException("remote inference call failed: " + failure.getClass().getName());
        }
        Message out = done.getMessage();
        byte[] body = out.getBody(byte[].class);
        return new RemoteResponse(out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class),
                out.getHeader("Operation-Location", String.class), out.getHeader("Retry-After", String.class),
                body == null ? new byte[0] : body);
    }
}
