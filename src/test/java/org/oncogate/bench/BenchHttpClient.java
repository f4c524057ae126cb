package org.oncogate.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The benchmarks' HTTP/1.1 client: Apache HttpClient's blocking client with a keep-alive connection
 * per virtual client, run on the virtual clients' own threads. It shares the 2 cores with the gateway,
 * so it is the cheaper of the JDK's and Apache's clients (the JDK's, with its selector thread and
 * futures, took about 14% of the process's CPU in the FHIR benchmark).
 */
final class BenchHttpClient implements AutoCloseable {

    /** One answer, read whole: its status, its headers (the first value of each, by name in any case) and its body. */
    record Answer(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    private final URI base;
    private final CloseableHttpClient http;

    /** A client of the server at {@code baseUrl} with at most {@code connections} connections, one per concurrent request. */
    BenchHttpClient(String baseUrl, int connections) {
        this.base = URI.create(baseUrl);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .setSocketTimeout(Timeout.ofSeconds(60))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .build();
    }

    /** POSTs {@code body} to {@code location} (a path, or a URL) with one extra header. */
    Answer post(String location, byte[] body, String contentType, String header, String value) throws IOException {
        HttpPost post = new HttpPost(base.resolve(location));
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return send(post, header, value);
    }

    /** GETs {@code location} (a path, or a URL such as an Operation-Location) with one extra header. */
    Answer get(String location, String header, String value) throws IOException {
        return send(new HttpGet(base.resolve(location)), header, value);
    }

    private Answer send(HttpUriRequestBase request, String header, String value) throws IOException {
        request.setHeader(header, value);
        return http.execute(request, response -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header h : response.getHeaders()) {
                headers.putIfAbsent(h.getName(), h.getValue());
            }
            String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Answer(response.getCode(), headers, text);
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
