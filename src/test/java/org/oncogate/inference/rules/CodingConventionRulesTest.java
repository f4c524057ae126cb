package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.HISTOLOGY;
import static org.oncogate.job.InferenceType.TUMOR_SITE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.PatientResult;

/**
 * How registrars code what a report writes: the morphology code the pathologist writes, the kind a "non-" names, skin
 * as the covering of a deeper tumour, the default site when only generic organs are named, the rectosigmoid of the
 * ICD-O-3 index, and sentences and synoptic fields that place the tumour.
 */
class CodingConventionRulesTest {

    @Test
    void aWrittenMorphologyCodeOutranksASubtypeTerm() {
        // the subtype term alone is coded as the subtype
        assertThat(value(pathology("Tongue, resection: keratinizing squamous cell carcinoma, G2."), HISTOLOGY)).isEqualTo("8071");
        // with the code the pathologist wrote beside it, the code stands
        String text = "Tongue, resection: keratinizing squamous cell carcinoma, G2 (8070/3).";
        PatientResult coded = pathology(text);
        assertThat(value(coded, HISTOLOGY)).isEqualTo("8070");
        assertThat(evidenceWords(text, coded, HISTOLOGY)).isEqualTo("8070/3");
        // negative: an in situ code does not outrank an invasive term
        assertThat(value(pathology("Cervix: keratinizing squamous cell carcinoma arising in 8077/2 lesion."), HISTOLOGY))
                .isEqualTo("8071");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // British spelling, hyphenated: not read as the keratinising type inside it
        "Larynx: invasive non-keratinising squamous cell carcinoma, G3.; 8072",
        "Cervix, biopsy: non-keratinizing squamous cell carcinoma.; 8072",
        // negative: without "non-" the keratinising type stands
        "Larynx: invasive keratinising squamous cell carcinoma, G3.; 8071",
        // "mucocellular" carcinoma (Portuguese "mucocelular", the Krukenberg term) is a signet ring cell carcinoma
        "Stomach, gastrectomy. Adenocarcinoma: Histological pattern observed: mucosecretor mucocelular with signet ring cells.; 8490",
        "Stomach, gastrectomy: mucocellular carcinoma of the gastric body, G3.; 8490",
        // negative: a tubular adenocarcinoma only partly mucocellular stays tubular
        "Stomach: adenocarcinoma tubulare partim mucocellulare invasivum ventriculi (G3).; 8211",
        // "in situ" after a malignant term makes it in situ (the ICD-O-3 behaviour matrix): the invasive tumour is the ductal one
        "Breast, lumpectomy: papillary carcinoma in-situ, 1 cm. The papillary carcinoma in situ reaches the margin. Other breast: infiltrating ductal carcinoma, grade 2.; 8500",
        // negative: "in" starting another phrase leaves the papillary carcinoma invasive
        "Breast, lumpectomy: papillary carcinoma in the upper quadrant. Other breast: ductal carcinoma in situ.; 8260",
        // the ICD-O-3 term itself, hyphenated, without its ", NOS"
        "Lung, lobectomy. Histologic type: Bronchiolo-alveolar adenocarcinoma. Grade: G3.; 8250",
        // negative: an alveolar adenocarcinoma is another code
        "Lung, lobectomy. Histologic type: alveolar adenocarcinoma. Grade: G3.; 8251",
        // a pheochromocytoma outside the adrenal is an extra-adrenal paraganglioma (WHO)
        "Interaortocaval retroperitoneal tumor, excision: pheochromocytoma (5 cm). No adrenal tissue identified.; 8693",
        // negative: in the adrenal it stays a pheochromocytoma
        "Left adrenal gland, adrenalectomy: pheochromocytoma (5 cm).; 8700"})
    void histologiesByRegistryConvention(String text, String histology) {
        assertThat(value(pathology(text), HISTOLOGY)).isEqualTo(histology);
    }

    @Test
    void aNonTermWithoutAKindOfItsOwnNamesNothing() {
        // "non-mucinous" is no mucinous carcinoma; the adenocarcinoma stays
        assertThat(value(pathology("Lung, lobectomy: adenocarcinoma, non-mucinous carcinoma pattern absent."), HISTOLOGY))
                .isEqualTo("8140");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // skin is the covering of a deeper tumour: a sarcoma excised with its skin is coded to the soft tissue, its default site
        "Right pretibial mass, skin and soft tissue: myxoid liposarcoma, 6 cm.; C49.9",
        // negative: tumours that arise in skin keep it
        "Skin of back, excision: basal cell carcinoma, nodular type.; C44.5",
        "Skin, left forearm: malignant melanoma, Breslow 1.2 mm.; C44.9",
        // negative: a named organ beside the skin wins as before
        "Chest wall, skin and breast: invasive ductal carcinoma, 3 cm.; C50.9",
        // ICD-O-3 indexes "colon and rectum" under the rectosigmoid junction
        "Resected colon and rectum: adenocarcinoma, moderately differentiated.; C19.9",
        // negative: the rectum alone
        "Resected rectum: adenocarcinoma, moderately differentiated.; C20.9",
        // "colorectal" and, in translated reports, "colic" name the colon, NOS
        "Colic adenocarcinoma, moderately differentiated, pT3.; C18.9",
        // negative: the colon, NOS yields to the rectum named beside it
        "Adenocarcinoma of the colorectal type in the rectum, pT3.; C20.9",
        // the organ after a histology restated in parentheses is the histology's
        "Left fallopian tube and omentum: carcinosarcoma (malignant mixed mullerian tumor) of endometrium.; C54.1",
        // "oral cavity" (mouth, NOS), even in the synoptic field, yields to the part of the mouth named beside it
        "Oral cavity, partial glossectomy: squamous cell carcinoma, 2 cm. The tongue measures 4 cm. Tumor site: Oral cavity.; C02.9",
        "Oral cavity and floor of mouth: squamous cell carcinoma of the oral cavity.; C04.9",
        // negative: with no part named, the mouth, NOS stays
        "Oral cavity, excision: squamous cell carcinoma, 2 cm. Tumor site: Oral cavity.; C06.9"})
    void sitesByRegistryConvention(String text, String site) {
        assertThat(value(pathology(text), TUMOR_SITE)).isEqualTo(site);
    }

    @Test
    void onlyGenericOrgansNamedGiveTheHistologysDefaultSite() {
        // blood is a control sample: the glioblastoma's brain
        assertThat(value(pathology("Blood: normal control. Tumor: glioblastoma, WHO grade IV."), TUMOR_SITE)).isEqualTo("C71.9");
        // negative: a histology without a default site keeps the generic organ
        assertThat(value(pathology("Pelvic lymph nodes: carcinoma in 2 of 5 lymph nodes."), TUMOR_SITE)).isEqualTo("C77.5");
    }

    @Test
    void theMesenteryOfTheBowelIsPeritoneum() {
        assertThat(value(pathology("Small bowel mesentery, excision: leiomyosarcoma, 15 cm."), TUMOR_SITE)).isEqualTo("C48.1");
        // negative: the bowel wall itself
        assertThat(value(pathology("Small bowel, resection: leiomyosarcoma of the small bowel wall."), TUMOR_SITE)).isEqualTo("C17.9");
    }

    @Test
    void wordsPlacingTheTumourOutweighTheSpecimensOrgans() {
        // the specimen names two organs; a sentence places the tumour in one of them
        assertThat(value(pathology("Sigmoid colon and urinary bladder, en bloc resection: adenocarcinoma, 4 cm. "
                + "The sigmoid colon measures 12 cm. The tumor is located in the urinary bladder."), TUMOR_SITE)).isEqualTo("C67.9");
        // an organ named right before "mass" places the tumour there too
        assertThat(value(pathology("Sigmoid colon and urinary bladder, en bloc resection: adenocarcinoma, 4 cm. "
                + "The sigmoid colon measures 12 cm. Urinary bladder mass, 4 cm."), TUMOR_SITE)).isEqualTo("C67.9");
        // negative: both organs named as often, neither placing the tumour: the first named wins the tie
        assertThat(value(pathology("Sigmoid colon and urinary bladder, en bloc resection: adenocarcinoma, 4 cm. "
                + "The sigmoid colon measures 12 cm. The tumor is 3 cm from the urinary bladder."), TUMOR_SITE)).isEqualTo("C18.7");
    }

    @Test
    void aSynopticTumourSiteFieldOutranksTheOrgansNamedMoreOften() {
        // the specimen, the gross description and the margins name the sigmoid colon and the rectum three times each;
        // the synoptic field names the rectosigmoid once, and that is the site
        String specimen = "Sigmoid colon and rectum, low anterior resection: adenocarcinoma, 4 cm. "
                + "The sigmoid colon measures 12 cm and the rectum 8 cm. Sections of sigmoid colon and rectum are submitted. ";
        assertThat(value(pathology(specimen + "Tumor site: Rectosigmoid. Tumor size: 4 cm."), TUMOR_SITE)).isEqualTo("C19.9");
        // within a category, the subsite of the field is the one coded
        assertThat(value(pathology("Colon, right hemicolectomy: adenocarcinoma of the ascending colon, 5 cm. "
                + "The ascending colon measures 20 cm. Tumor site: Transverse colon."), TUMOR_SITE)).isEqualTo("C18.4");
        // negative: a bare "Location:" (here the closest margin's) is no tumour site field: the rectum, named most
        // (the low anterior resection is one of the rectum), stays the site
        assertThat(value(pathology(specimen + "Closest margin: distal. Location: rectosigmoid."), TUMOR_SITE)).isEqualTo("C20.9");
    }

    @Test
    void anOrganNamedAsAMarginWithAParenthesisIsNoSite() {
        // "Omental (radial) margin" is a margin; the stomach stays the site
        assertThat(value(pathology("Stomach, gastrectomy: adenocarcinoma of the stomach. "
                + "Omental (radial) margin: uninvolved by invasive carcinoma."), TUMOR_SITE)).isEqualTo("C16.9");
    }

    @Test
    void aTubulopapillaryAdenocarcinomaOfTheColonIsAnAdenocarcinoma() {
        assertThat(value(pathology("Sigmoid colon: tubulopapillary adenocarcinoma of the sigmoid colon, G2."), HISTOLOGY))
                .isEqualTo("8140");
        // negative: not so in the stomach
        assertThat(value(pathology("Stomach: tubulopapillary adenocarcinoma of the gastric antrum, G2."), HISTOLOGY))
                .isEqualTo("8263");
    }
}
