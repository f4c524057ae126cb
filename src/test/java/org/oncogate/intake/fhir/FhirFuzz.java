package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.oncogate.fuzz.FuzzCorpus;
import org.oncogate.fuzz.FuzzPipeline;
import org.oncogate.fuzz.JsonMutations;
import org.oncogate.fuzz.Mutations;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;
import org.oncogate.subscription.RequestRateLimit;
import org.oncogate.subscription.SecretHash;

/**
 * The FHIR path, fuzzed: notification bodies (JSON-tree and byte mutations of the samples and
 * edge cases in fuzz/fhir, JSON and XML) go through the rest-hook intake (parsing with its XML
 * guards, the notification kinds, text extraction, the job model and validator) in front of the
 * real job service and store. The source's server is not reachable, so a notification that needs a
 * read-back is refused as unavailable. Every body is stored and answered 200 with an
 * OperationOutcome naming its jobs, or refused with a 4xx/503 OperationOutcome and nothing stored;
 * never a 500, never an exception out of the intake, never a hang. Tries: {@code -Doncogate.fuzz.tries}.
 */
class FhirFuzz {

    private static final String SECRET = "fuzz-fhir-secret";
    private static final FuzzPipeline PIPELINE = new FuzzPipeline();
    private static final FhirParsing PARSING = new FhirParsing();
    private static final DefaultCamelContext CAMEL = camel();
    private static final FhirSources SOURCES = new FhirSources(Map.of("ehr",
            // port 9 (discard) on loopback: nothing listens, so every read-back is refused at once
            new FhirSource("ehr", "http://127.0.0.1:9/fhir", SecretHash.sha256(SECRET), "default", false, null)));
    private static final FhirIntake INTAKE = new FhirIntake(PARSING,
            new FhirDocumentMapper(ClinicalTypeTable.load(), ClinicalType.PATHOLOGY_REPORT), SOURCES,
            SOURCES.clients(CAMEL.createProducerTemplate(), FuzzPipeline.SUBSCRIPTIONS), FuzzPipeline.SUBSCRIPTIONS,
            PIPELINE.jobs(), PIPELINE.usage(), FuzzPipeline.REGION,
            new FhirIntake.Settings("/fhir", "X-Oncogate-Secret", 4_194_304, Duration.ofHours(1),
                    new RequestRateLimit("fhir", Integer.MAX_VALUE, Duration.ofSeconds(1), System::nanoTime)), PIPELINE.clock());

    @Property
    void everyNotificationIsStoredAndAnsweredOrRefusedWithAnOutcomeAndNothingStored(
            @ForAll("bodies") Tuple.Tuple2<String, byte[]> body, @ForAll("paths") String path) throws Exception {
        PIPELINE.startTry(); // what a failed try (or its shrinking) stored does not count
        Exchange exchange = PIPELINE.bounded(() -> notify(path, body.get1(), body.get2()));
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        OperationOutcome outcome = (OperationOutcome) PARSING.parse(exchange.getIn().getBody(byte[].class),
                FhirParsing.Format.JSON);
        assertThat(outcome.getIssue()).as("the OperationOutcome's issues").isNotEmpty();
        List<String> created = exchange.getProperty(FhirIntake.NEW_JOBS, List.class);
        if (status == 200) {
            assertThat(PIPELINE.payloads()).as("one request stored per new job").hasSize(created.size());
            for (String job : created) {
                assertThat(PIPELINE.jobs().find(job)).as("the accepted job is stored").isPresent();
            }
        } else {
            assertThat(status).as("the status of a refusal").isIn(400, 404, 413, 415, 422, 503);
            assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()
                    + outcome.getIssueFirstRep().getDiagnostics()).as("the refusal names its problem").isNotBlank();
            assertThat(created).as("no job for a refusal").isEmpty();
            assertThat(PIPELINE.payloads()).as("nothing stored for a refusal").isEmpty();
        }
    }

    /** (content type, body): the JSON seeds tree- and byte-mutated, the XML seeds byte-mutated. */
    @Provide
    Arbitrary<Tuple.Tuple2<String, byte[]>> bodies() {
        List<FuzzCorpus.Seed> seeds = FuzzCorpus.load("fhir");
        List<FuzzCorpus.Seed> json = seeds.stream().filter(s -> s.name().endsWith(".json")).toList();
        List<FuzzCorpus.Seed> xml = seeds.stream().filter(s -> s.name().endsWith(".xml")).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(4, JsonMutations.of(json).map(b -> Tuple.of("application/fhir+json", b))),
                Tuple.of(1, Mutations.of(xml, 2048).map(b -> Tuple.of("application/fhir+xml", b))));
    }

    /** Where the notification is posted: the source alone, with a type, or with a type and id. */
    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/fhir/ehr", "/fhir/ehr/DocumentReference", "/fhir/ehr/DiagnosticReport/dr-1",
                "/fhir/ehr/Patient/p-1", "/fhir/ehr/DocumentReference/../x");
    }

    /** POST (or PUT to a resource path) as the route runs it: receive, or on any exception the error answer. */
    private static Exchange notify(String path, String contentType, byte[] body) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setHeader(Exchange.HTTP_URI, path);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, path.chars().filter(c -> c == '/').count() > 3 ? "PUT" : "POST");
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getIn().setHeader("X-Oncogate-Secret", SECRET);
        exchange.getIn().setBody(body);
        try {
            INTAKE.receive(exchange);
        } catch (Exception e) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
            INTAKE.failure(exchange);
        }
        return exchange;
    }

    private static DefaultCamelContext camel() {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("fhirContext", PARSING.context());
        camel.start();
        return camel;
    }

    @AfterContainer
    static void close() throws IOException {
        CAMEL.stop();
        PIPELINE.close();
    }
}
