package org.oncogate.bench;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The floor an HTTP intake is measured against: a POST on the same HTTP server (platform-http)
 * answered with a status and a tiny constant body, doing no work. Request headers are dropped so
 * none is echoed back.
 */
final class BaselineRoute extends RouteBuilder {

    private final String path;
    private final int status;
    private final String contentType;
    private final String body;

    /** The job API's baseline: 202 on {@link JobApiClient#BASELINE_PATH}. */
    BaselineRoute() {
        this(JobApiClient.BASELINE_PATH, 202, "application/json", "{\"status\":\"accepted\"}");
    }

    BaselineRoute(String path, int status, String contentType, String body) {
        this.path = path;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    @Override
    public void configure() {
        from("platform-http:" + path + "?httpMethodRestrict=POST")
                .routeId("bench-baseline" + path.replace('/', '-'))
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(status))
                .setHeader(Exchange.CONTENT_TYPE, constant(contentType))
                .setBody(constant(body));
    }
}
