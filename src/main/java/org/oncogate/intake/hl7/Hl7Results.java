package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import ca.uhn.hl7v2.util.Terser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobRecord;
import org.oncogate.job.PatientResult;

/**
 * Builds the ORU^R01 that sends a finished HL7 job back, with one coded OBX per inference (codes
 * from {@code hl7/result-codes.tsv}). A job already delivered gets none.
 */
public final class Hl7Results {


    private record ResultCode(String loinc, String display, String valueSystem) {
    }

    private final Hl7Parsing parsing;
    private final String region;
    private final Map<InferenceType, ResultCode> codes;

    public Hl7Results(Hl7Parsing parsing, String region) {
        this.parsing = parsing;
        this.region = region;
        this.codes = loadCodes();
    }

    /** The ORU for a finished job, or empty when it was delivered already or has no result. */
    public Optional<String> oru(JobRecord job) throws HL7Exception, IOException {
        if (job.state().result() == null || job.delivered()) {
            return Optional.empty();
        }
        ORU_R01 oru = new ORU_R01();
        oru.setParser(parsing.parser());
        oru.initQuickstart("ORU", "R01", "P");
        Terser terser = new Terser(oru);
        terser.set("MSH-3", "ONCOGATE");
        terser.set("MSH-4", region);
        terser.set("MSH-10", job.id());
        PatientResult patient = job.state().result().patientResults().get(0);
        terser.set("/PATIENT_RESULT/PATIENT/PID-3-1", patient.patientId());
        terser.set("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-1", "1");
        terser.set("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-2", job.origin().replyTo());
        terser.set("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3", job.id());
        terser.set("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-4-1", "oncogate-inference");
        terser.set("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-4-2", "Cancer attributes inferred by oncogate");
        terser.set("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-25", "F");
        int obx = 0;
        for (Inference inference : patient.inferences()) {
            ResultCode code = codes.get(inference.type());
            if (code == null || inference.isNone()) {
                continue;
            }
            String at = "/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(" + obx + ")/OBX-";
            terser.set(at + "1", Integer.toString(obx + 1));
            terser.set(at + "2", "CWE");
            terser.set(at + "3-1", code.loinc());
            terser.set(at + "3-2", code.display());
            terser.set(at + "3-3", "LN");
            if (inference.caseId() != null) {
                terser.set(at + "4", inference.caseId()); // the sub-ID groups a case's OBXs when there are two primaries
            }
            terser.set(at + "5-1", inference.value());
            terser.set(at + "5-2", inference.description() == null ? "" : inference.description());
            terser.set(at + "5-3", code.valueSystem());
            terser.set(at + "11", "F");
            obx++;
        }
        return Optional.of(oru.encode());
    }

    /** For the route: the ORU as body, or null when there is nothing to send. */
    public String prepare(@Body JobRecord job) throws HL7Exception, IOException {
        return oru(job).orElse(null);
    }

    private static Map<InferenceType, ResultCode> loadCodes() {
        Map<InferenceType, ResultCode> codes = new HashMap<>();
        try (InputStream in = Hl7Results.class.getResourceAsStream("/hl7/result-codes.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                InferenceType type = InferenceType.find(columns[0]).orElseThrow(() ->
                        new IllegalStateException("hl7/result-codes.tsv names an unknown inference type"));
                codes.put(type, new ResultCode(columns[1], columns[2], columns[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hl7/result-codes.tsv", e);
        }
        return codes;
    }
}
