package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.HISTOLOGY;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_N;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_T;
import static org.oncogate.job.InferenceType.TUMOR_SITE;

import org.junit.jupiter.api.Test;
import org.oncogate.job.Inference;
import org.oncogate.job.PatientResult;

/**
 * What the words and the section around a statement say about it: negated, another person's disease,
 * past or uncertain, an organ free of tumour or named as a margin, and where in the report it stands.
 */
class ContextRulesTest {

    @Test
    void familyHistoryIsAnotherPersonsDisease() {
        // the only carcinoma is the mother's: no histology, no site, not a cancer case
        PatientResult result = pathology("Clinical history: family history of breast carcinoma in her mother.");
        assertThat(value(result, HISTOLOGY)).isEqualTo(Inference.NONE);
        assertThat(value(result, TUMOR_SITE)).isEqualTo(Inference.NONE);
    }

    @Test
    void aPastDiseaseCountsLessThanThePresentOne() {
        // "history of" halves the old colon cancer; the present lung adenocarcinoma wins although named second
        String text = "Patient with history of colon adenocarcinoma. Diagnosis: right upper lobe, lobectomy: squamous cell carcinoma.";
        PatientResult result = pathology(text);
        assertThat(value(result, HISTOLOGY)).isEqualTo("8070");
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C34.1");
    }

    @Test
    void aHypotheticalDiagnosisCountsLess() {
        // a differential diagnosis alone still names something, but with less confidence than a statement
        Inference stated = inference(pathology("Diagnosis: leiomyosarcoma."), HISTOLOGY);
        Inference differential = inference(pathology("The differential diagnosis includes leiomyosarcoma."), HISTOLOGY);
        assertThat(differential.value()).isEqualTo("8890");
        assertThat(differential.confidenceScore()).isLessThan(stated.confidenceScore());
    }

    @Test
    void negatedHistologyIsNotRead() {
        assertThat(value(pathology("Colon, biopsy: negative for adenocarcinoma."), HISTOLOGY)).isEqualTo(Inference.NONE);
        assertThat(value(pathology("Skin, excision: no evidence of melanoma."), HISTOLOGY)).isEqualTo(Inference.NONE);
    }

    @Test
    void organsFreeOfTumourAndMarginsAreNotTheSite() {
        // the cervix is named as uninvolved (before and after the word), the ureter only as a margin
        String text = "Uterus: endometrioid adenocarcinoma of the endometrium. Benign cervix. Cervix - no tumor seen. "
                + "Ovary, right: unremarkable. Left ureteral margin: negative.";
        PatientResult result = pathology(text);
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C54.1");
        assertThat(inference(result, TUMOR_SITE).evidence())
                .allSatisfy(e -> assertThat(e.patientDataEvidence().text()).containsIgnoringCase("endometri"));
    }

    @Test
    void theSiteNamedWithTheHistologyWinsOverSpecimenParts() {
        // "uterus and cervix" name the specimen; "endometrial carcinoma" names the tumour's organ
        String text = "B. Uterus and cervix (total hysterectomy): endometrial carcinoma, endometrioid type. "
                + "The cervix shows nabothian cysts. The cervix is received intact.";
        assertThat(value(pathology(text), TUMOR_SITE)).startsWith("C54");
    }

    @Test
    void aSynopticSiteLabelOutranksPassingMentions() {
        String text = "Specimen: stomach and esophagus. Esophagus with reflux changes. Tumor site: gastric antrum. "
                + "Histologic type: adenocarcinoma.";
        PatientResult result = pathology(text);
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C16.3");
        assertThat(evidenceWords(text, result, TUMOR_SITE)).isEqualTo("gastric antrum");
    }

    @Test
    void theDiagnosisSectionOutranksTheGrossDescription() {
        // the gross description's "pT3" guess is read, but the diagnosis's pT2 is more confident and wins
        String text = "GROSS DESCRIPTION: mass, clinically pT3. FINAL DIAGNOSIS: adenocarcinoma, pT2.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo("T2");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("pT2");
    }

    @Test
    void theClinicalHistoryCountsLessThanTheDiagnosis() {
        Inference history = inference(pathology("Clinical history: invasive ductal carcinoma."), HISTOLOGY);
        Inference diagnosis = inference(pathology("Diagnosis: invasive ductal carcinoma."), HISTOLOGY);
        assertThat(history.value()).isEqualTo("8500");
        assertThat(history.confidenceScore()).isLessThan(diagnosis.confidenceScore());
    }

    @Test
    void noLymphNodesSubmittedIsNotN0() {
        // nothing was examined, so nothing is known about the nodes
        assertThat(value(pathology("Adenocarcinoma. No lymph nodes submitted."), PATHOLOGIC_STAGE_N)).isEqualTo(Inference.NONE);
        assertThat(value(pathology("Adenocarcinoma. Lymph nodes: none identified."), PATHOLOGIC_STAGE_N)).isEqualTo(Inference.NONE);
    }

    @Test
    void benignOrUninvolvedNodesAreN0() {
        assertThat(value(pathology("Lymph nodes, para-aortic; excision: ten benign lymph nodes."), PATHOLOGIC_STAGE_N))
                .isEqualTo("N0");
        assertThat(value(pathology("Adrenal gland: not involved. Lymph nodes: not involved."), PATHOLOGIC_STAGE_N))
                .isEqualTo("N0");
    }
}
