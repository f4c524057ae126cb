package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.run;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.CLINICAL_STAGE_M;
import static org.oncogate.job.InferenceType.CLINICAL_STAGE_N;
import static org.oncogate.job.InferenceType.CLINICAL_STAGE_T;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_M;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_N;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_T;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientResult;

/** Explicit TNM: each written form, its Onco-Phenotype value and the submitted words its evidence points at. */
class TnmRulesTest {

    private static final List<InferenceType> TNM = List.of(CLINICAL_STAGE_T, CLINICAL_STAGE_N, CLINICAL_STAGE_M,
            PATHOLOGIC_STAGE_T, PATHOLOGIC_STAGE_N, PATHOLOGIC_STAGE_M);

    @Test
    void prefixOnTCarriesToNAndMOfTheSameExpression() {
        String text = "Final diagnosis: adenocarcinoma. Stage pT2 N0 M0.";
        PatientResult result = run(ClinicalType.PROGRESS, text, JobConfiguration.DEFAULTS);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(value(result, PATHOLOGIC_STAGE_M)).isEqualTo("M0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("pT2");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_M)).isEqualTo("M0");
        assertThat(List.of(CLINICAL_STAGE_T, CLINICAL_STAGE_N, CLINICAL_STAGE_M))
                .allSatisfy(type -> assertThat(value(result, type)).isEqualTo(Inference.NONE));
    }

    @Test
    void runTogetherExpressionWithSubcategories() {
        String text = "Tumor classification: pT3pN1aM0, G2.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T3");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(value(result, PATHOLOGIC_STAGE_M)).isEqualTo("M0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("pT3");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("pN1a");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_M)).isEqualTo("M0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ypT1c, T1", "rpT2, T2", "pT3a, T3", "pT1mi, T1", "pT1b(m), T1", "pTis, Tis", "pTis (DCIS), Tis",
        "pT0, T0", "pT4b, T4", "PT2, T2", "pT 2, T2", "aT2, T2", "pTla, T1"})
    void pathologicTForms(String written, String expected) {
        String text = "Pathologic staging: " + written + ". Margins free.";
        PatientResult result = run(ClinicalType.PROGRESS, text, JobConfiguration.DEFAULTS);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo(expected);
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo(written);
        assertThat(value(result, CLINICAL_STAGE_T)).isEqualTo(Inference.NONE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "pN0, N0", "pN0(i+), N0", "pN0 (i-), N0", "pN0(sn), N0", "pN1mi, N+", "pN1(mi), N+", "pN2a, N+",
        "pN3c, N+", "pN1 (2/15), N+", "pNO, N0", "pNo, N0", "ypN0, N0"})
    void pathologicNForms(String written, String expected) {
        String text = "Lymph nodes " + written + ", margins free.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo(expected);
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"pM0, M0", "pM1, M1", "pM1a, M1", "pM1c, M1", "cM0, ", "pMO, M0"})
    void pathologicMForms(String written, String expected) {
        String text = "Distant metastasis " + written + ".";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_M)).isEqualTo(expected == null ? Inference.NONE : expected);
    }

    @Test
    void synopticLabelsWithOwnPrefixes() {
        String text = "Primary tumor (pT): pT2\nRegional lymph nodes (pN): pN1a\nDistant metastasis (pM): pM1\n";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(value(result, PATHOLOGIC_STAGE_M)).isEqualTo("M1");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("pN1a");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_M)).isEqualTo("pM1");
    }

    @Test
    void synopticAxisLabelsWithTheCategoryWithoutItsLetter() {
        // a biobank form: "T Stage: 3 N Stage: 1b M Stage: 0"; a pathology report's, so pathologic
        String text = "Procedure: lumpectomy. Histologic grade: 3. T Stage: 3 N Stage: 1b M Stage: 0 Receptors: pending.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T3");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(value(result, PATHOLOGIC_STAGE_M)).isEqualTo("M0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("T Stage: 3");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("N Stage: 1b");
        // the clinical prefix makes it clinical; values outside the axis's range, dates and a lower-case letter are no category
        PatientResult clinical = pathology("cT stage: 3. Tumor grade: 2.");
        assertThat(value(clinical, CLINICAL_STAGE_T)).isEqualTo("T3");
        assertThat(value(clinical, PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
        for (String none : List.of("M Stage: 3.", "N Stage: 4.", "T stage: 2/12/2019.", "t stage: 2.", "T Stage: X N Stage: X")) {
            PatientResult r = pathology(none);
            assertThat(TNM).as(none).allSatisfy(type -> assertThat(value(r, type)).isEqualTo(Inference.NONE));
        }
    }

    @Test
    void ocrLetterOForZeroInATnmContext() {
        String text = "TNM classification on the basis of this material pT2 pNO pMX R0, stage IB.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("pNO");
        assertThat(value(result, PATHOLOGIC_STAGE_M)).as("pMX is not assessable").isEqualTo(Inference.NONE);
        assertThat(EngineFixture.inference(result, PATHOLOGIC_STAGE_N).confidenceScore())
                .as("an OCR reading is less certain than a digit")
                .isLessThan(EngineFixture.inference(result, PATHOLOGIC_STAGE_T).confidenceScore());
    }

    @Test
    void ocrLetterIOrLForOneOnNAfterALowerCasePrefix() {
        // OCR reads the 1 of pN1 as I or l, as it reads the 0 of pN0 as O
        for (String written : List.of("pNI", "pNl", "pNla", "ypNI")) {
            String text = "Tumor classification: pT2, " + written + ", R0.";
            PatientResult result = pathology(text);
            assertThat(value(result, PATHOLOGIC_STAGE_N)).as(written).isEqualTo("N+");
            assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo(written);
        }
        // negative: "PNI" is perineural invasion, and an M is not so read ("MI", the RPMI medium)
        assertThat(value(pathology("Margins free. LVI: absent. PNI: present."), PATHOLOGIC_STAGE_N)).isEqualTo(Inference.NONE);
        assertThat(value(pathology("Classification pT2 pN0 pMI, tissue kept in RPMI."), PATHOLOGIC_STAGE_M)).isEqualTo(Inference.NONE);
    }

    @Test
    void descriptorsInsideAnExpressionDoNotBreakIt() {
        String text = "classification: NOS, G II, pT2NOLOVORO.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("NO");
    }

    @Test
    void spacedCategoriesAfterAStagingLabel() {
        String text = "Pathological Staging (pTNM): T 3a N 0 M X.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T3");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("T 3a");
    }

    @Test
    void ocrLetterAfterADigitCategoryWithoutPrefix() {
        String text = "Papillary carcinoma right thyroid lobe T2N0MO.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_M)).isEqualTo("M0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_M)).isEqualTo("MO");
    }

    @Test
    void notAssessableCategoriesGiveNone() {
        PatientResult result = pathology("Stage pTX pNX pMX.");
        assertThat(List.of(PATHOLOGIC_STAGE_T, PATHOLOGIC_STAGE_N, PATHOLOGIC_STAGE_M))
                .allSatisfy(type -> assertThat(value(result, type)).isEqualTo(Inference.NONE));
    }

    @Test
    void clinicalPrefixIsClinicalEvenInAPathologyReport() {
        String text = "Clinical stage cT2N1M0 before surgery.";
        PatientResult result = pathology(text);
        assertThat(value(result, CLINICAL_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, CLINICAL_STAGE_N)).isEqualTo("N+");
        assertThat(value(result, CLINICAL_STAGE_M)).isEqualTo("M0");
        assertThat(evidenceWords(text, result, CLINICAL_STAGE_T)).isEqualTo("cT2");
        assertThat(evidenceWords(text, result, CLINICAL_STAGE_N)).isEqualTo("N1");
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
    }

    @Test
    void unprefixedTnmIsPathologicInAPathologyReport() {
        String text = "Lung, resection. T2 N0 M0.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(value(result, PATHOLOGIC_STAGE_M)).isEqualTo("M0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, CLINICAL_STAGE_T)).isEqualTo(Inference.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"radiologyReport", "progress", "consultation", "dischargeSummary"})
    void unprefixedTnmIsClinicalInOtherDocuments(String clinicalType) {
        String text = "Impression: mass consistent with T2 N1 M0 disease.";
        PatientResult result = run(ClinicalType.find(clinicalType).orElseThrow(), text, JobConfiguration.DEFAULTS);
        assertThat(value(result, CLINICAL_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, CLINICAL_STAGE_N)).isEqualTo("N+");
        assertThat(value(result, CLINICAL_STAGE_M)).isEqualTo("M0");
        assertThat(evidenceWords(text, result, CLINICAL_STAGE_N)).isEqualTo("N1");
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
    }

    @Test
    void aLoneUnprefixedCategoryCountsOnlyAfterAStagingLabel() {
        String text = "Primary tumor: T3, invading the serosa.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T3");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("T3");
    }

    @Test
    void aCategoryAloneInParenthesesCountsInAPathologyReport() {
        // "(T1)" right after the diagnosis is a staging statement; "(T2-weighted)" is not enclosed
        String text = "Polypoid intramucosal adenocarcinoma of esophagus (T1), well differentiated.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T1");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("T1");
        assertThat(value(pathology("Hyperintense focus (T2-weighted)."), PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
    }

    @Test
    void aCategoryWrittenWithNosIsAStatement() {
        // "T2, NOS": the registry's way of writing a category without subcategory; a lone "T2" is not enough
        String text = "Histology: adenocarcinoma. T2, NOS.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(pathology("Adenocarcinoma. T2 lesion."), PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
    }

    @Test
    void anOcrLetterAfterTheTDoesNotHideIt() {
        // "pT3aNQ": the N is unreadable, the T is not
        String text = "AJCC Stage: pT3aNQ.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T3");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("pT3a");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo(Inference.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sagittal T2-weighted images show a hyperintense lesion; T1 post contrast unremarkable.",
        "Compression fracture of the T1 vertebra and T12 body.",
        "Status post C5-T1 fusion.",
        "Specimen S12-T2045 received 2019-03-04; block T3 and slide N2 reviewed.",
        "N2 gas was used for insufflation. M1 segment of the middle cerebral artery patent.",
        "CT 2 cm nodule in the right lower lobe; PT 2 sessions weekly.",
        "There is a T2 hyperintense focus.",
        "Tumor thickness (pT1 and pT2 tumors): 0.8 mm.",
        "Options: pT1-pT2 depending on size.",
        "Greatest dimension: 4 cm (T1 if <=3.0 cm; otherwise larger).",
        "Lymph nodes, inferior mediastinal and N1 (left interlobar) lymph nodes, excision: benign.",
        "The patient was seen at 10:30 with NO complaints; MO: none."})
    void falsePositivesAreNotTnm(String text) {
        PatientResult pathologyResult = pathology(text);
        PatientResult radiologyResult = run(ClinicalType.RADIOLOGY_REPORT, text, JobConfiguration.DEFAULTS);
        assertThat(TNM).allSatisfy(type -> {
            assertThat(value(pathologyResult, type)).as("%s in a pathology report", type).isEqualTo(Inference.NONE);
            assertThat(value(radiologyResult, type)).as("%s in a radiology report", type).isEqualTo(Inference.NONE);
        });
    }

    @Test
    void aLegendOfCategoriesIsNoStatement() {
        // a checklist template defines the categories after the statement: only the statement counts
        String text = "Pathologic stage: pT2 pN1. Primary tumor (pT): pT3: Tumor more than 4 cm. pT4a: Tumor invades the larynx. "
                + "pT4b: Tumor invades the prevertebral space. Regional lymph nodes (pN): pN0: No regional lymph node metastasis. "
                + "pN2: Metastasis in multiple lymph nodes. (N1, single node; N2, multiple nodes.)";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(EngineFixture.inference(result, PATHOLOGIC_STAGE_T).evidence()).hasSize(1);
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("pN1");
    }

    @Test
    void categoriesOfSeveralTumoursAreNoLegend() {
        // one synoptic answer with its definition; two tumours listed with periods; categories joined by commas
        assertThat(value(pathology("Primary tumor (pT): pT3: Tumor invades through the muscularis propria."), PATHOLOGIC_STAGE_T))
                .isEqualTo("T3");
        assertThat(value(pathology("Tumor A: pT1b. Tumor B: pT2. Margins free."), PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        PatientResult joined = pathology("Stage: pT2, pN0, M0.");
        assertThat(value(joined, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(joined, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
    }

    @Test
    void amongEquallyConfidentValuesTheMostAdvancedWins() {
        String text = "Tumor A: pT1b. Tumor B: pT2.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("pT2");
    }

    @Test
    void aValueStatedMoreOftenWinsOverASingleOne() {
        String text = "Diagnosis: pT2 pN0. Synoptic: pT2, pN0. Comment: an earlier biopsy suggested pT3.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(EngineFixture.inference(result, PATHOLOGIC_STAGE_T).evidence()).hasSize(2);
    }

    @Test
    void anExplicitPrefixOutranksAnUnprefixedStatement() {
        String text = "Stage T3 N0. Final: pT2 pN0.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
    }
}
