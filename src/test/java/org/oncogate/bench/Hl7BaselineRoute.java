package org.oncogate.bench;

import org.apache.camel.builder.RouteBuilder;

/**
 * The floor the HL7 intake is measured against: a camel-mllp consumer with the gateway's connection
 * settings that acknowledges every frame itself ({@code autoAck=true}) and does nothing else.
 */
final class Hl7BaselineRoute extends RouteBuilder {

    private final int port;

    Hl7BaselineRoute(int port) {
        this.port = port;
    }

    @Override
    public void configure() {
        from("mllp:0.0.0.0:" + port + "?autoAck=true&hl7Headers=false&stringPayload=false&requireEndOfData=false"
                + "&maxConcurrentConsumers=50")
                .routeId("bench-hl7-baseline")
                .process(exchange -> {
                    // no processing: the consumer's own ACK is the whole answer
                });
    }
}
