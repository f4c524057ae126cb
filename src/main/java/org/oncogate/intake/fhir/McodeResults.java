package org.oncogate.intake.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobRecord;
import org.oncogate.job.PatientResult;

/**
 * A finished job's inferences as one FHIR transaction Bundle of mCODE-aligned resources: a primary
 * cancer {@code Condition} (ICD-O-3 topography as body site, ICD-O-3 morphology in the histology
 * extension) and a TNM category {@code Observation} per inferred T, N and M (LOINC codes and mCODE
 * profiles from {@code fhir/tnm-observations.tsv}, AJCC values), each with the source document as
 * evidence ({@code Condition.evidence.detail}, {@code Observation.derivedFrom}) and an identifier
 * made of the document and the attribute. Every entry is a conditional update on that identifier,
 * so writing the same result again (a retry, a redelivered notification, a new version of the
 * document) updates what is there instead of adding to it.
 */
final class McodeResults {

    static final String IDENTIFIER_SYSTEM = "urn:oncogate:inference";
    private static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    private static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    private static final String AJCC = "http://cancerstaging.org";
    private static final String LOINC = "http://loinc.org";
    private static final String SNOMED = "http://snomed.info/sct";

    private record TnmCode(String loinc, String display, String profile, String prefix) {
    }

    private final Map<InferenceType, TnmCode> tnm = load();

    /** The transaction, or empty when the job inferred nothing to write. */
    Optional<Bundle> transaction(JobRecord job) {
        FhirReplyTo replyTo = FhirReplyTo.decode(job.origin().replyTo());
        PatientResult patient = job.state().result().patientResults().get(0);
        Reference subject = new Reference("Patient/" + patient.patientId());
        Reference evidence = new Reference(replyTo.document());
        Date issued = Date.from(job.state().lastUpdateDateTime());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Map<InferenceType, Inference> inferred = new EnumMap<>(InferenceType.class);
        // the first case's: a second primary's site and histology (caseId 2, listed after) are not written back
        patient.inferences().stream().filter(i -> !i.isNone()).forEach(i -> inferred.putIfAbsent(i.type(), i));
        String conditionUrl = null;
        if (inferred.containsKey(InferenceType.TUMOR_SITE) || inferred.containsKey(InferenceType.HISTOLOGY)) {
            Condition condition = condition(inferred, subject, evidence, issued);
            conditionUrl = add(bundle, condition, identifier(replyTo, "primary-cancer-condition"));
        }
        for (Map.Entry<InferenceType, TnmCode> code : tnm.entrySet()) {
            Inference inference = inferred.get(code.getKey());
            if (inference != null) {
                Observation observation = observation(code.getValue(), inference, subject, evidence, issued, conditionUrl);
                add(bundle, observation, identifier(replyTo, code.getKey().wireName()));
            }
        }
        return bundle.hasEntry() ? Optional.of(bundle) : Optional.empty();
    }

    private static Condition condition(Map<InferenceType, Inference> inferred, Reference subject, Reference evidence,
                                       Date recorded) {
        Condition condition = new Condition();
        condition.getMeta().addProfile(MCODE + "mcode-primary-cancer-condition");
        condition.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "provisional", "Provisional"));
        condition.addCategory(concept("http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item", "Problem List Item"));
        condition.setCode(concept(SNOMED, "363346000", "Malignant neoplastic disease (disorder)")
                .setText("Primary cancer, inferred from the document by oncogate"));
        Inference site = inferred.get(InferenceType.TUMOR_SITE);
        if (site != null) {
            condition.addBodySite(concept(ICD_O_3, site.value(), site.description()));
        }
        Inference histology = inferred.get(InferenceType.HISTOLOGY);
        if (histology != null) {
            condition.addExtension(MCODE + "mcode-histology-morphology-behavior",
                    concept(ICD_O_3, histology.value(), histology.description()));
        }
        condition.setSubject(subject.copy());
        condition.addEvidence().addDetail(evidence.copy());
        condition.setRecordedDate(recorded);
        return condition;
    }

    private static Observation observation(TnmCode code, Inference inference, Reference subject, Reference evidence,
                                           Date issued, String conditionUrl) {
        Observation observation = new Observation();
        observation.getMeta().addProfile(MCODE + code.profile());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(concept(LOINC, code.loinc(), code.display()));
        observation.setSubject(subject.copy());
        observation.setIssued(issued);
        observation.setValue(concept(AJCC, code.prefix() + inference.value(), inference.description())
                .setText(code.prefix() + inference.value()));
        observation.addDerivedFrom(evidence.copy());
        observation.setMethod(new CodeableConcept().setText("inferred from the document text by oncogate"));
        if (conditionUrl != null) {
            observation.addFocus(new Reference(conditionUrl));
        }
        return observation;
    }

    /** Adds a conditional update on the identifier; the entry's full URL, for references within the Bundle. */
    private static String add(Bundle bundle, Resource resource, Identifier identifier) {
        if (resource instanceof Condition condition) {
            condition.addIdentifier(identifier);
        } else if (resource instanceof Observation observation) {
            observation.addIdentifier(identifier);
        }
        String fullUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(
                (resource.fhirType() + "|" + identifier.getValue()).getBytes(StandardCharsets.UTF_8));
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl(resource.fhirType() + "?identifier=" + IDENTIFIER_SYSTEM + "|" + identifier.getValue());
        return fullUrl;
    }

    private static Identifier identifier(FhirReplyTo replyTo, String attribute) {
        return new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(replyTo.document() + "/" + attribute);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private static Map<InferenceType, TnmCode> load() {
        Map<InferenceType, TnmCode> codes = new EnumMap<>(InferenceType.class);
        try (InputStream in = McodeResults.class.getResourceAsStream("/fhir/tnm-observations.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    codes.put(InferenceType.find(columns[0]).orElseThrow(() ->
                                    new IllegalStateException("fhir/tnm-observations.tsv names an unknown inference type")),
                            new TnmCode(columns[1], columns[2], columns[3], columns[4]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fhir/tnm-observations.tsv", e);
        }
        return codes;
    }
}
