package org.oncogate.bench;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The benchmark's HTTP/1.1 client: Apache HttpClient's blocking client with a keep-alive connection
 * per virtual client, run on the virtual clients' own threads. It shares the 2 cores with the gateway,
 * so it is the cheaper of the JDK's and Apache's clients (the JDK's, with its selector thread and
 * futures, took about 14% of the process's CPU in the FHIR benchmark).
 */
final class BenchHttpClient implements AutoCloseable {

    private final String baseUrl;
    private final CloseableHttpClient http;

    BenchHttpClient(String baseUrl, int connections) {
        this.baseUrl = baseUrl;
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

    /** POSTs {@code body} to {@code path} with one extra header and returns the status; the answer's body is read and dropped. */
    int post(String path, byte[] body, String contentType, String header, String value) throws IOException {
        HttpPost post = new HttpPost(baseUrl + path);
        post.setHeader(header, value);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
