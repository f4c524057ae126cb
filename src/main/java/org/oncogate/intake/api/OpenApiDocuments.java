package org.oncogate.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Serves the official OpenAPI document of each api-version at {@code /openapi/<api-version>.json}. */
public final class OpenApiDocuments {

    public void serve(Exchange exchange) throws IOException, JobNotFoundException {
        Message in = exchange.getIn();
        String file = in.getHeader("file", String.class);
        String version = file == null ? null : file.replaceFirst("\\.json$", "");
        if (ApiVersion.find(version).isEmpty()) {
            throw new JobNotFoundException("NotFound", "documents exist for api-versions 2023-03-01-preview and "
                    + "2023-09-01-preview", "file");
        }
        try (InputStream document = OpenApiDocuments.class.getResourceAsStream("/openapi/" + version + ".json")) {
            if (document == null) {
                throw new IOException("the OpenAPI document of " + version + " is missing from the build");
            }
            byte[] bytes = document.readAllBytes();
            in.removeHeaders("*");
            Map.of(Exchange.HTTP_RESPONSE_CODE, (Object) 200, Exchange.CONTENT_TYPE, "application/json")
                    .forEach(in::setHeader);
            in.setBody(bytes);
        }
    }
}
