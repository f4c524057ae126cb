package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.run;
import static org.oncogate.inference.rules.EngineFixture.value;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientResult;

/**
 * oncogate's own inference types (off unless requested: laterality, grade, behaviour, TNM
 * subcategories), the diagnosis date, and {@code verbose}. Each example is a minimal synthetic
 * sentence; the expected value follows from the rule named in the case's comment.
 */
class ExtraTypesRulesTest {

    private static PatientResult asking(String text, InferenceType... types) {
        return run(ClinicalType.PATHOLOGY_REPORT, text, new JobConfiguration(null, null, List.of(types), null));
    }

    @Test
    void oncogatesOwnTypesAreOffByDefault() {
        PatientResult result = pathology("Left breast: invasive ductal carcinoma, grade 2. pT1b pN0.");
        assertThat(result.inferences()).extracting(Inference::type).noneMatch(t -> !t.hosted());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // a side named with a paired organ's site
        "Left upper lobe, lobectomy: adenocarcinoma.                           | Left",
        "Right breast, lumpectomy: invasive ductal carcinoma.                  | Right",
        // a synoptic field
        "Laterality: Bilateral. Ovaries: serous carcinoma.                     | Bilateral",
        // a side before an unpaired organ is a part of it, not a side
        "Right colon, hemicolectomy: adenocarcinoma.                           | None",
        // a side in another sentence than the site is not its side
        "Specimen received from the right. Colon: adenocarcinoma.              | None",
    })
    void laterality(String text, String expected) {
        assertThat(value(asking(text, InferenceType.TUMOR_LATERALITY), InferenceType.TUMOR_LATERALITY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Adenocarcinoma, moderately differentiated.                            | G2",
        "Invasive ductal carcinoma, Nottingham histologic grade 3 of 3.        | G3",
        "Clear cell renal cell carcinoma, Fuhrman nuclear grade III.           | G3",
        "Squamous cell carcinoma, G1.                                          | G1",
        // a range takes the higher grade
        "Adenocarcinoma, moderately to poorly differentiated.                  | G3",
        "Carcinoma, undifferentiated.                                          | G4",
        // dysplasia and intraepithelial neoplasia grades are not tumour grades
        "Tubular adenoma with high grade dysplasia, grade 3 dysplasia.         | None",
        "Prostate: PIN grade 3.                                                | None",
        // negated
        "No poorly differentiated carcinoma is seen.                           | None",
    })
    void grade(String text, String expected) {
        assertThat(value(asking(text, InferenceType.TUMOR_GRADE), InferenceType.TUMOR_GRADE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // from the lexicon entry the histology was named by
        "Breast: infiltrating ductal carcinoma.                                | 8500 | 3",
        "Breast: ductal carcinoma in situ.                                     | 8500 | 2",
        // from a written code
        "Diagnosis: M 8140/3.                                                  | 8140 | 3",
    })
    void behaviourFollowsTheChosenHistology(String text, String histology, String expected) {
        PatientResult result = asking(text, InferenceType.HISTOLOGY, InferenceType.TUMOR_BEHAVIOR);
        assertThat(value(result, InferenceType.HISTOLOGY)).isEqualTo(histology);
        assertThat(value(result, InferenceType.TUMOR_BEHAVIOR)).isEqualTo(expected);
    }

    @Test
    void noHistologyNoBehaviour() {
        assertThat(value(asking("Lung, wedge: no tumour.", InferenceType.TUMOR_BEHAVIOR), InferenceType.TUMOR_BEHAVIOR))
                .isEqualTo(Inference.NONE);
    }

    @Test
    void subcategoriesAreThoseWrittenForTheChosenCategories() {
        String text = "Lung, lobectomy: adenocarcinoma. pT2a pN1b pM1c.";
        PatientResult result = asking(text, InferenceType.PATHOLOGIC_STAGE_T, InferenceType.PATHOLOGIC_STAGE_T_SUBCATEGORY,
                InferenceType.PATHOLOGIC_STAGE_N, InferenceType.PATHOLOGIC_STAGE_N_SUBCATEGORY,
                InferenceType.PATHOLOGIC_STAGE_M_SUBCATEGORY, InferenceType.CLINICAL_STAGE_T_SUBCATEGORY);
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_T_SUBCATEGORY)).isEqualTo("T2a");
        assertThat(evidenceWords(text, result, InferenceType.PATHOLOGIC_STAGE_T_SUBCATEGORY)).isEqualTo("pT2a");
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_N_SUBCATEGORY)).isEqualTo("N1b");
        assertThat(value(result, InferenceType.PATHOLOGIC_STAGE_M_SUBCATEGORY)).isEqualTo("M1c");
        assertThat(value(result, InferenceType.CLINICAL_STAGE_T_SUBCATEGORY)).as("no clinical T written").isEqualTo(Inference.NONE);
    }

    @Test
    void aCategoryWithoutASubcategoryGivesItsOwnDigitAndANodeCountGivesNone() {
        PatientResult written = asking("Colon: adenocarcinoma. pT3 pN2.", InferenceType.PATHOLOGIC_STAGE_N_SUBCATEGORY,
                InferenceType.PATHOLOGIC_STAGE_T_SUBCATEGORY);
        assertThat(value(written, InferenceType.PATHOLOGIC_STAGE_N_SUBCATEGORY)).isEqualTo("N2");
        assertThat(value(written, InferenceType.PATHOLOGIC_STAGE_T_SUBCATEGORY)).isEqualTo("T3");
        PatientResult counted = asking("Colon: adenocarcinoma. Lymph nodes: 3/14 positive.",
                InferenceType.PATHOLOGIC_STAGE_N, InferenceType.PATHOLOGIC_STAGE_N_SUBCATEGORY);
        assertThat(value(counted, InferenceType.PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(value(counted, InferenceType.PATHOLOGIC_STAGE_N_SUBCATEGORY)).as("not subdivided from a count")
                .isEqualTo(Inference.NONE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Date of diagnosis: 2021-03-04. Lung: adenocarcinoma.                  | 2021-03-04",
        "Diagnosed on 03/04/2021 with adenocarcinoma of the lung.              | 2021-03-04",
        "Date of procedure: 4 March 2021. Lung: adenocarcinoma.                | 2021-03-04",
        "Collected: March 4, 2021. Lung: adenocarcinoma.                       | 2021-03-04",
        // a diagnosis label outranks a specimen date
        "Collected: 2021-03-09. Date of diagnosis: 2021-03-04. Adenocarcinoma. | 2021-03-04",
        // an unlabelled date, a date of birth and a date that does not exist are not read
        "Seen 2021-03-04. Lung: adenocarcinoma.                                | None",
        "Date of birth: 1950-01-01. Lung: adenocarcinoma.                      | None",
        "Date of diagnosis: 2021-02-30. Lung: adenocarcinoma.                  | None",
    })
    void diagnosisDate(String text, String expected) {
        assertThat(value(pathology(text), InferenceType.DIAGNOSIS_DATE)).isEqualTo(expected);
    }

    @Test
    void verboseKeepsEveryEvidenceSpanOtherwiseTheTenStrongest() {
        String text = "Adenocarcinoma. ".repeat(14);
        JobConfiguration verbose = new JobConfiguration(true, null, List.of(InferenceType.HISTOLOGY), null);
        assertThat(inference(run(ClinicalType.PATHOLOGY_REPORT, text, verbose), InferenceType.HISTOLOGY).evidence()).hasSize(14);
        assertThat(inference(asking(text, InferenceType.HISTOLOGY), InferenceType.HISTOLOGY).evidence())
                .hasSize(JobConfiguration.MAX_EVIDENCE);
    }

    @Test
    void aStatedSecondPrimaryIsASecondCaseWithItsOwnSiteAndHistology() {
        String text = "Right breast, lumpectomy: invasive ductal carcinoma, 2.1 cm. pT2 pN0.\n"
                + "Left lung, upper lobe, wedge: adenocarcinoma of the lung, a second primary.";
        PatientResult result = pathology(text);
        List<String> cases = result.inferences().stream()
                .filter(i -> i.type() == InferenceType.TUMOR_SITE || i.type() == InferenceType.HISTOLOGY)
                .map(i -> i.caseId() + ":" + i.type().wireName() + "=" + i.value().substring(0, Math.min(3, i.value().length())))
                .toList();
        assertThat(cases).containsExactly("1:tumorSite=C50", "1:histology=850", "2:tumorSite=C34", "2:histology=814");
        assertThat(inference(result, InferenceType.PATHOLOGIC_STAGE_T).caseId()).as("every first-case inference says so")
                .isEqualTo("1");
    }

    @Test
    void twoSitesWithoutAStatedSecondPrimaryAreOneCase() {
        // a metastasis, and two sites named without saying there are two primaries
        PatientResult result = pathology("Lung, lobectomy: adenocarcinoma. Liver, biopsy: metastatic adenocarcinoma.");
        assertThat(result.inferences()).allSatisfy(i -> assertThat(i.caseId()).isNull());
        assertThat(result.inferences()).filteredOn(i -> i.type() == InferenceType.TUMOR_SITE).hasSize(1);
        // "primary" without a second one
        PatientResult one = pathology("Primary site: lung. Adenocarcinoma of the lung. Liver: adenocarcinoma.");
        assertThat(one.inferences()).allSatisfy(i -> assertThat(i.caseId()).isNull());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Lung: adenocarcinoma, a second primary.                 | true",
        "TWO SEPARATE PRIMARY TUMORS are present.                | true",
        "Synchronous primaries of breast and lung.               | true",
        // one primary, or "primary" naming something else
        "Primary tumor: lung. Adenocarcinoma.                    | false",
        "Second primary site: not applicable.                    | false",
        "Referred by the primary care physician.                 | false",
    })
    void aSecondPrimaryIsStatedOnlyWhenTheWordsSaySo(String text, boolean stated) {
        assertThat(SecondPrimary.stated(text)).isEqualTo(stated);
    }
}
