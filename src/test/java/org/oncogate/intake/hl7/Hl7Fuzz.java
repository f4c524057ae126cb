package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.util.Terser;
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
import org.oncogate.fuzz.Mutations;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;

/**
 * The HL7 path of one MLLP frame, fuzzed: bytes (mutated samples from fuzz/hl7, or random) go
 * through decoding, HAPI's parse, the mapping to a job and the ACK decision, in front of the real
 * job service and store. Every frame gets an AA with its job stored, or an AR with a reason code in
 * MSA-3 and ERR and nothing stored; never an AE (that would be a failure inside the gateway), never
 * an exception, never a hang. Tries: {@code -Doncogate.fuzz.tries} (README, "Test it").
 */
class Hl7Fuzz {

    private static final FuzzPipeline PIPELINE = new FuzzPipeline();
    private static final Hl7Intake INTAKE = new Hl7Intake(
            new Hl7Reader(Hl7Parsing.create(), new Hl7ReportMapper(ClinicalTypeTable.load(), ClinicalType.PATHOLOGY_REPORT)),
            Hl7Senders.parse("LIS^GENHOSP=default,RIS^FARHOSP=abroad"), FuzzPipeline.SUBSCRIPTIONS, PIPELINE.jobs(),
            PIPELINE.usage(), FuzzPipeline.REGION, 1_048_576, PIPELINE.unlimited("oncogate.hl7"));
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final Hl7Parsing ACK_READER = Hl7Parsing.create();

    @Property
    void everyFrameIsStoredAndAcceptedOrRefusedWithAReasonAndNothingStored(@ForAll("frames") byte[] frame)
            throws Exception {
        PIPELINE.startTry(); // what a failed try (or its shrinking) stored does not count
        String ack = PIPELINE.bounded(() -> receive(frame));
        assertThat(ack).as("an acknowledgement").isNotBlank();
        // read as the sender would: HAPI, with the separators and escapes the ACK declares
        Terser answer = new Terser(readable(ack));
        String code = answer.get("MSA-1");
        assertThat(code).as("MSA-1 of %s", ack.replace('\r', '\n')).isIn("AA", "AR");
        if (code.equals("AA")) {
            String jobId = answer.get("MSA-3").replaceFirst("^job ", "");
            assertThat(jobId).matches("[0-9a-f-]{36}");
            assertThat(PIPELINE.jobs().find(jobId)).as("the acknowledged job is stored").isPresent();
            // a frame may repeat an earlier try's sender and MSH-10: a resend, answered and stored once
            assertThat(PIPELINE.payloads()).as("at most one request stored by this try").hasSizeLessThanOrEqualTo(1);
            assertThat(PIPELINE.requestsOf(jobId)).as("the job's request, stored once").hasSize(1);
        } else {
            assertThat(answer.get("MSA-3")).as("MSA-3 names the rule").matches("[A-Z][A-Za-z]+: \\S.*");
            assertThat(answer.get("ERR-8")).as("ERR-8 too").isEqualTo(answer.get("MSA-3"));
            assertThat(PIPELINE.payloads()).as("nothing stored for a refusal").isEmpty();
        }
    }

    private static ca.uhn.hl7v2.model.Message readable(String ack) {
        try {
            return ACK_READER.parse(ack);
        } catch (Hl7RejectException e) {
            throw new AssertionError("the sender cannot read the acknowledgement " + ack.replace('\r', '\n'));
        }
    }

    @Provide
    Arbitrary<byte[]> frames() {
        return Mutations.of(FuzzCorpus.load("hl7"), 4096);
    }

    private static String receive(byte[] frame) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getIn().setBody(frame);
        INTAKE.receive(exchange);
        return exchange.getProperty(Hl7Intake.MLLP_ACK, String.class);
    }

    @AfterContainer
    static void close() throws IOException {
        PIPELINE.close();
    }
}
