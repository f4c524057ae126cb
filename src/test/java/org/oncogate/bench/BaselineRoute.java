package org.oncogate.bench;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The floor the job API is measured against: a POST on the same HTTP server answered 202 with a
 * tiny constant body, doing no work. Request headers are dropped so none is echoed back.
 */
final class BaselineRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:" + JobApiClient.BASELINE_PATH + "?httpMethodRestrict=POST")
                .routeId("bench-baseline")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant("{\"status\":\"accepted\"}"));
    }
}
