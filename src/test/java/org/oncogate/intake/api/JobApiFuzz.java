package org.oncogate.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.oncogate.fuzz.FuzzCorpus;
import org.oncogate.fuzz.FuzzPipeline;
import org.oncogate.fuzz.JsonMutations;
import org.oncogate.job.JobJson;

/**
 * The JSON job path, fuzzed: bodies (JSON-tree and byte mutations of the requests in fuzz/job)
 * go through the job API's submit (decoding, JobJson, JobValidator) in front of the real job
 * service and store, in both api-versions. Every body is stored and accepted, or refused with 400
 * or 413 and an error code in the Azure envelope and nothing stored; never a 500, never an
 * exception out of the API, never a hang. Tries: {@code -Doncogate.fuzz.tries} (README, "Test it").
 */
class JobApiFuzz {

    private static final FuzzPipeline PIPELINE = new FuzzPipeline();
    private static final JobApi API = new JobApi(PIPELINE.jobs(), FuzzPipeline.SUBSCRIPTIONS, PIPELINE.usage(),
            FuzzPipeline.REGION, 1_048_576, PIPELINE.unlimited("oncogate.api"));
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @Property
    void everyBodyIsStoredAndAcceptedOrRefusedWithItsCodeAndNothingStored(@ForAll("bodies") byte[] body,
                                                                        @ForAll boolean legacyVersion) throws Exception {
        PIPELINE.startTry(); // what a failed try (or its shrinking) stored does not count
        ApiVersion version = legacyVersion ? ApiVersion.V2023_03_01_PREVIEW : ApiVersion.V2023_09_01_PREVIEW;
        Exchange exchange = PIPELINE.bounded(() -> submit(body, version));
        Integer status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            String jobId = exchange.getIn().getBody(String.class);
            assertThat(PIPELINE.jobs().find(jobId)).as("the accepted job is stored").isPresent();
            assertThat(PIPELINE.payloads()).as("one request stored").hasSize(1);
        } else {
            assertThat(status).as("the status of a refusal").isIn(400, 413);
            JsonNode error = JobJson.MAPPER.readTree(exchange.getIn().getBody(String.class)).get("error");
            assertThat(error.get("code").asText()).as("error.code").matches("[A-Z][A-Za-z]+");
            assertThat(error.get("message").asText()).as("error.message").isNotBlank();
            assertThat(exchange.getIn().getHeader("x-ms-error-code")).isEqualTo(error.get("code").asText());
            assertThat(PIPELINE.payloads()).as("nothing stored for a refusal").isEmpty();
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return JsonMutations.of(FuzzCorpus.load("job"));
    }

    /** POST .../jobs as the routes run it: submit, or on any exception the error route's answer. */
    private static Exchange submit(byte[] body, ApiVersion version) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader(JobApi.KEY_HEADER, "oncogate-dev-key");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader("api-version", version.wireName());
        exchange.getIn().setHeader(Exchange.HTTP_PATH, version.jobsPath());
        exchange.getIn().setBody(body);
        try {
            exchange.getIn().setBody(API.submit(exchange));
        } catch (Exception e) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
            API.failure(exchange);
        }
        return exchange;
    }

    @AfterContainer
    static void close() throws IOException {
        PIPELINE.close();
    }
}
