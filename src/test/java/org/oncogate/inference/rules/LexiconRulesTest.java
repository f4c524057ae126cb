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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.Inference;
import org.oncogate.job.PatientResult;

/** Site and histology from the lexicons and from explicit ICD-O-3 codes, with descriptions and evidence. */
class LexiconRulesTest {

    @Test
    void lungLobeAndAdenocarcinoma() {
        String text = "Diagnosis: Adenocarcinoma of the right upper lobe of the lung, 2.5 cm.";
        PatientResult result = pathology(text);
        Inference site = inference(result, TUMOR_SITE);
        assertThat(site.value()).isEqualTo("C34.1");
        assertThat(site.description()).isEqualTo("Upper lobe, lung");
        assertThat(evidenceWords(text, result, TUMOR_SITE)).isEqualTo("upper lobe of the lung");
        assertThat(value(result, HISTOLOGY)).isEqualTo("8140");
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("Adenocarcinoma");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Left breast, mastectomy: invasive ductal carcinoma, grade 2.; C50.9; Breast, NOS; 8500; invasive ductal carcinoma",
        "RIGHT BREAST: INFILTRATING LOBULAR CARCINOMA.; C50.9; Breast, NOS; 8520; INFILTRATING LOBULAR CARCINOMA",
        "Thyroid, total thyroidectomy: papillary thyroid carcinoma, 1.2 cm.; C73.9; Thyroid gland; 8260; papillary thyroid carcinoma",
        "Kidney, left, radical nephrectomy: clear cell renal cell carcinoma.; C64.9; Kidney, NOS; 8310; clear cell renal cell carcinoma",
        "Prostate, radical prostatectomy: acinar adenocarcinoma, Gleason 3+4.; C61.9; Prostate gland; 8550; acinar adenocarcinoma",
        "Sigmoid colon, resection: mucinous adenocarcinoma.; C18.7; Sigmoid colon; 8480; mucinous adenocarcinoma",
        "Rectum, low anterior resection: adenocarcinoma.; C20.9; Rectum, NOS; 8140; adenocarcinoma",
        "Brain, left temporal lobe, resection: glioblastoma.; C71.2; Temporal lobe; 9440; glioblastoma",
        "Ovary, right: high grade serous carcinoma.; C56.9; Ovary; 8441; high grade serous carcinoma",
        "Uterus, endometrium: endometrioid adenocarcinoma, FIGO grade 1.; C54.1; Endometrium; 8380; endometrioid adenocarcinoma",
        "Skin of back, excision: malignant melanoma, Breslow 1.2 mm.; C44.5; Skin of trunk; 8720; malignant melanoma",
        "Lung, left lower lobe, biopsy: small cell carcinoma.; C34.3; Lower lobe, lung; 8041; small cell carcinoma",
        "Tongue, lateral border: squamous cell carcinoma, keratinizing.; C02.1; Border of tongue; 8071; squamous cell carcinoma, keratinizing",
        "Pancreas, head, Whipple: ductal adenocarcinoma.; C25.0; Head of pancreas; 8500; ductal adenocarcinoma",
        "Liver, segment 6: hepatocellular carcinoma.; C22.0; Liver; 8170; hepatocellular carcinoma",
        "Urinary bladder, TURBT: invasive urothelial carcinoma.; C67.9; Bladder, NOS; 8120; invasive urothelial carcinoma"})
    void commonSitesAndHistologies(String text, String site, String description, String histology, String histologyWords) {
        PatientResult result = pathology(text);
        assertThat(value(result, TUMOR_SITE)).isEqualTo(site);
        assertThat(inference(result, TUMOR_SITE).description()).isEqualTo(description);
        assertThat(value(result, HISTOLOGY)).isEqualTo(histology);
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo(histologyWords);
    }

    @Test
    void explicitCodesWinOverTermsAndAreMoreConfident() {
        String text = "Adenocarcinoma of the left upper lobe. C34.1; M 8255/3.";
        PatientResult result = pathology(text);
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C34.1");
        assertThat(evidenceWords(text, result, TUMOR_SITE)).isEqualTo("C34.1");
        assertThat(value(result, HISTOLOGY)).isEqualTo("8255");
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("M 8255/3");
        assertThat(inference(result, HISTOLOGY).confidenceScore()).isGreaterThanOrEqualTo(Confidence.EXPLICIT_CODE);
    }

    @Test
    void explicitMorphologyCodeWithoutPrefixAndSpacedTopography() {
        String text = "ICD-O: C 34.3, 8070/3.";
        PatientResult result = pathology(text);
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C34.3");
        assertThat(evidenceWords(text, result, TUMOR_SITE)).isEqualTo("C 34.3");
        assertThat(value(result, HISTOLOGY)).isEqualTo("8070");
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("8070/3");
    }

    @Test
    void explicitTnmAndCodesAreMoreConfidentThanTerms() {
        PatientResult result = pathology("Adenocarcinoma of the colon, pT3 pN1.");
        assertThat(inference(result, PATHOLOGIC_STAGE_T).confidenceScore())
                .isGreaterThan(inference(result, HISTOLOGY).confidenceScore());
        assertThat(result.inferences()).allSatisfy(i -> {
            assertThat(i.confidenceScore()).isBetween(0.0, 1.0);
            assertThat(i.evidence()).allSatisfy(e -> assertThat(e.importance()).isBetween(0.0, 1.0));
        });
    }

    @Test
    void matchingIsCaseInsensitiveOnWholeWordsAndAcceptsPlurals() {
        assertThat(value(pathology("MULTIPLE ADENOCARCINOMAS."), HISTOLOGY)).isEqualTo("8140");
        assertThat(value(pathology("adenocarcinomatous change"), HISTOLOGY)).isEqualTo(Inference.NONE);
        assertThat(value(pathology("colonoscopy performed; breastfeeding"), TUMOR_SITE)).isEqualTo(Inference.NONE);
    }

    @Test
    void negatedHistologyIsSuppressed() {
        PatientResult result = pathology("Lymph nodes, negative for malignancy. No evidence of carcinoma.");
        assertThat(value(result, HISTOLOGY)).isEqualTo(Inference.NONE);
        PatientResult afterwards = pathology("Ductal carcinoma in situ: not identified. Invasive lobular carcinoma present.");
        assertThat(value(afterwards, HISTOLOGY)).isEqualTo("8520");
    }

    @Test
    void aSpecificHistologyBeatsRepeatedGenericOnes() {
        String text = "Carcinoma, 2 cm. Carcinoma extends to fat. Carcinoma: invasive lobular carcinoma.";
        PatientResult result = pathology(text);
        assertThat(value(result, HISTOLOGY)).isEqualTo("8520");
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("invasive lobular carcinoma");
    }

    @Test
    void malignantHistologyBeatsRepeatedBenignOnes() {
        String text = "Leiomyoma. Leiomyoma. Leiomyoma. Endometrium: endometrioid adenocarcinoma.";
        assertThat(value(pathology(text), HISTOLOGY)).isEqualTo("8380");
    }

    @Test
    void theLongestTermWinsSoInSituIsNotInvasive() {
        String text = "Ductal carcinoma in situ, high grade.";
        PatientResult result = pathology(text);
        assertThat(value(result, HISTOLOGY)).isEqualTo("8500");
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("Ductal carcinoma in situ");
    }

    @Test
    void theSiteNearTheTumourWinsOverIncidentalOrgans() {
        String text = "Specimen: stomach, gallbladder, liver biopsy. Gastric antrum: adenocarcinoma, intestinal type. "
                + "Liver: metastatic adenocarcinoma.";
        PatientResult result = pathology(text);
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C16.3");
        assertThat(value(result, HISTOLOGY)).isEqualTo("8144");
    }

    @Test
    void aSubsiteNamedOnlyInPassingDoesNotRefineTheSite() {
        String text = "Left breast, mastectomy: invasive ductal carcinoma, 2 cm. Breast skin intact. Nipple: uninvolved.";
        assertThat(value(pathology(text), TUMOR_SITE)).isEqualTo("C50.9");
    }

    @Test
    void aSubsiteNextToTheTumourRefinesTheSite() {
        String text = "Lung, right upper lobe, lobectomy: squamous cell carcinoma. Lung parenchyma: emphysema. "
                + "Bronchial margin of the lung free. Lung pleura intact.";
        PatientResult result = pathology(text);
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C34.1");
        assertThat(inference(result, TUMOR_SITE).description()).isEqualTo("Upper lobe, lung");
    }

    @Test
    void uterusNotOtherwiseSpecifiedYieldsToTheCorpus() {
        String text = "Uterus, hysterectomy. Uterus 120 g. Uterine serosa smooth. Endometrium: endometrioid carcinoma.";
        assertThat(value(pathology(text), TUMOR_SITE)).isEqualTo("C54.1");
    }

    @Test
    void evidenceMapsToTheSubmittedTextThroughNormalization() {
        String text = "\uFEFFDiagnose\u0301:\r\nAdeno\u200Bcarcinoma of the\u00A0upper lobe,\r\npT2\u00A0N0 \uD83D\uDE00";
        PatientResult result = pathology(text);
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("Adeno\u200Bcarcinoma");
        assertThat(evidenceWords(text, result, TUMOR_SITE)).isEqualTo("upper lobe");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo("pT2");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
    }
}
