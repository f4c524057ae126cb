package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.document;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.inference.rules.EngineFixture.run;
import static org.oncogate.inference.rules.EngineFixture.value;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;

/** Configuration handling, several documents, the model version, determinism and large input. */
class RulesEngineTest {

    private static final String REPORT = "Left upper lobe, lobectomy: adenocarcinoma, 3 cm. pT2a pN1 pMX.";
    private static final RulesEngine ENGINE = EngineFixture.ENGINE;

    @Test
    void defaultsReturnEveryHostedTypeOnceWithEvidence() {
        PatientResult result = run(ClinicalType.PATHOLOGY_REPORT, REPORT, JobConfiguration.DEFAULTS);
        assertThat(result.patientId()).isEqualTo("patient-1");
        assertThat(result.inferences()).extracting(Inference::type)
                .as("the hosted service's nine, none of oncogate's own").containsExactlyElementsOf(InferenceType.hostedTypes())
                .hasSize(9);
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_M)).isEqualTo(Inference.NONE);
        assertThat(inference(result, InferenceType.PATHOLOGIC_STAGE_T).evidence()).isNotEmpty();
    }

    @Test
    void onlyRequestedTypesAreReturnedAndMissingOnesAreNone() {
        JobConfiguration configuration = new JobConfiguration(null, null,
                List.of(InferenceType.TUMOR_SITE, InferenceType.CLINICAL_STAGE_T), null);
        PatientResult result = run(ClinicalType.PATHOLOGY_REPORT, REPORT, configuration);
        assertThat(result.inferences()).extracting(Inference::type)
                .containsExactly(InferenceType.TUMOR_SITE, InferenceType.CLINICAL_STAGE_T);
        assertThat(inference(result, InferenceType.CLINICAL_STAGE_T)).isEqualTo(Inference.none(InferenceType.CLINICAL_STAGE_T));
    }

    @Test
    void evidenceIsLeftOutWhenNotWanted() {
        JobConfiguration configuration = new JobConfiguration(null, false, null, null);
        PatientResult result = run(ClinicalType.PATHOLOGY_REPORT, REPORT, configuration);
        assertThat(result.inferences()).allSatisfy(i -> assertThat(i.evidence()).isNull());
        assertThat(value(result, InferenceType.HISTOLOGY)).isEqualTo("8140");
    }

    @Test
    void noCancerCaseGivesNoInferencesWhenChecked() {
        JobConfiguration check = new JobConfiguration(null, null, null, true);
        String benign = "Left breast, biopsy: fibroadenoma. Negative for malignancy. Ductal carcinoma in situ.";
        assertThat(run(ClinicalType.PATHOLOGY_REPORT, benign, check).inferences()).isEmpty();
        assertThat(run(ClinicalType.PATHOLOGY_REPORT, benign, JobConfiguration.DEFAULTS).inferences())
                .as("without the check every hosted type is returned").hasSize(InferenceType.hostedTypes().size());
    }

    @Test
    void malignantHistologyOrTnmMakesACancerCase() {
        JobConfiguration check = new JobConfiguration(null, null, null, true);
        assertThat(run(ClinicalType.PATHOLOGY_REPORT, "Colon: adenocarcinoma.", check).inferences()).isNotEmpty();
        assertThat(run(ClinicalType.RADIOLOGY_REPORT, "Staging cT3 cN1.", check).inferences()).isNotEmpty();
    }

    @Test
    void evidenceNamesTheDocumentItCameFrom() {
        String radiology = "CT chest: 3 cm mass in the left upper lobe, cT2 cN0.";
        String pathologyText = "Lobectomy: squamous cell carcinoma. pT2 pN1.";
        PatientRecord patient = new PatientRecord("p", null, List.of(
                document("rad-1", ClinicalType.RADIOLOGY_REPORT, radiology),
                document("path-1", ClinicalType.PATHOLOGY_REPORT, pathologyText)));
        PatientResult result = ENGINE.infer(patient, JobConfiguration.DEFAULTS);
        assertThat(inference(result, InferenceType.CLINICAL_STAGE_T).evidence().get(0).patientDataEvidence().id()).isEqualTo("rad-1");
        assertThat(inference(result, InferenceType.PATHOLOGIC_STAGE_N).evidence().get(0).patientDataEvidence().id()).isEqualTo("path-1");
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(value(result, InferenceType.CLINICAL_STAGE_N)).isEqualTo("N0");
        assertThat(inference(result, InferenceType.HISTOLOGY).evidence().get(0).patientDataEvidence().text())
                .isEqualTo("squamous cell carcinoma");
    }

    @Test
    void documentsWithoutInlineTextAreSkipped() {
        PatientDocument reference = new PatientDocument(PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT, "ref",
                "en", "2024-01-01T00:00:00Z", new DocumentContent("reference", "https://example.invalid/pT2"));
        PatientDocument empty = new PatientDocument(PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT, "none",
                "en", "2024-01-01T00:00:00Z", null);
        PatientResult result = ENGINE.infer(new PatientRecord("p", null, List.of(reference, empty)), JobConfiguration.DEFAULTS);
        assertThat(result.inferences()).allSatisfy(i -> assertThat(i.isNone()).isTrue());
    }

    @Test
    void modelVersionNamesTheLexiconVersion() {
        assertThat(ENGINE.modelVersion()).matches("oncogate-rules-\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void oneInstanceGivesTheSameAnswersFromManyThreads() throws Exception {
        PatientResult expected = run(ClinicalType.PATHOLOGY_REPORT, REPORT, JobConfiguration.DEFAULTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PatientResult>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> run(ClinicalType.PATHOLOGY_REPORT, REPORT, JobConfiguration.DEFAULTS)));
            }
            for (Future<PatientResult> future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFiftyThousandCharacterDocumentIsRead() {
        StringBuilder text = new StringBuilder();
        String[] filler = {"Sections show lung parenchyma with emphysema. ", "T2-weighted ((((((((( pT pN pM ", "N0N0N0N0N0N0 ",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ", "no no no no not negative for ", "pT1 and pT2 ", "8140/",
                "C34.", "1/2/3/4/5/6/7/8/9/0 ", "(((i+)(i+)(i+) ", "e\u0301\u0301\u0301 ", "\r\n\r\n"};
        for (int i = 0; text.length() < 49_900; i++) {
            text.append(filler[i % filler.length]);
        }
        text.setLength(49_900);
        text.append(".\nFinal: adenocarcinoma, right lower lobe, pT3 pN0.");
        PatientResult result = run(ClinicalType.PATHOLOGY_REPORT, text.toString(), JobConfiguration.DEFAULTS);
        assertThat(value(result, InferenceType.HISTOLOGY)).isEqualTo("8140");
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_T)).isEqualTo("T3");
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_N)).isEqualTo("N0");
    }

    @Test
    void resultsDoNotPrintPatientText() {
        PatientResult result = run(ClinicalType.PATHOLOGY_REPORT, REPORT, JobConfiguration.DEFAULTS);
        assertThat(result.toString()).doesNotContain("lobectomy").doesNotContain("adenocarcinoma");
        assertThat(inference(result, InferenceType.HISTOLOGY).evidence().get(0).toString()).doesNotContain("adenocarcinoma");
    }
}
