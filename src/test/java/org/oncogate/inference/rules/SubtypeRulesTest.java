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
import org.oncogate.job.Inference;
import org.oncogate.job.PatientResult;

/**
 * The most specific histology stated wins ({@code lexicon/histology-subtypes.tsv}), and organs named only as NOS
 * yield to neighbours named beside them or compete when the histology arises there ({@code lexicon/generic-topography.txt}).
 */
class SubtypeRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // the type written after the size in parentheses
        "Right kidney: renal cell carcinoma (6.0 cm), conventional type, Fuhrman grade 3.; 8310; renal cell carcinoma (6.0 cm), conventional type",
        // a synoptic field
        "Kidney, nephrectomy. Histologic type: renal cell carcinoma, papillary type 2.; 8260; renal cell carcinoma, papillary type",
        // the cell type of a uveal melanoma
        "Left globe, enucleation: choroidal melanoma, spindled type, 12 mm base.; 8772; melanoma, spindled type",
        "Right eye: ciliochoroidal melanoma of mixed cell type.; 8770; melanoma of mixed cell type",
        // the type in the next sentence's label
        "Breast, excision: invasive adenocarcinoma of the breast. Histologic type: ductal. Grade 2.; 8500; invasive adenocarcinoma of the breast. Histologic type: ductal"})
    void aQualifierAfterTheParentNamesTheSubtype(String text, String histology, String words) {
        PatientResult result = pathology(text);
        assertThat(value(result, HISTOLOGY)).isEqualTo(histology);
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo(words);
    }

    @Test
    void aQualifierBeyondReachOrAfterTheNextHistologyNamesNothing() {
        // "spindle cell" lies more than eight words after the parent
        assertThat(value(pathology("Skin of back: malignant melanoma, Breslow thickness 1.2 mm, Clark level IV, "
                + "with spindle cell areas at the base."), HISTOLOGY)).isEqualTo("8720");
        // the qualifier follows another histology term, not the parent
        assertThat(value(pathology("Skin of back: malignant melanoma and a nevus, spindle cell type."), HISTOLOGY))
                .isEqualTo("8720");
        // "clear cell type" qualifies a renal cell carcinoma only, not a hepatocellular one
        assertThat(value(pathology("Liver, segment 6: hepatocellular carcinoma, 4 cm, clear cell type."), HISTOLOGY))
                .isEqualTo("8170");
        // "ductal features" is no type: the prostatic adenocarcinoma stays NOS
        assertThat(value(pathology("Prostate: adenocarcinoma with ductal features, Gleason 4+4."), HISTOLOGY)).isEqualTo("8140");
    }

    @Test
    void aNegatedParentGivesNoSubtype() {
        assertThat(value(pathology("Kidney: no renal cell carcinoma, clear cell type, is seen."), HISTOLOGY))
                .isEqualTo(Inference.NONE);
    }

    @Test
    void aParentYieldsToItsSubtypeStatedElsewhere() {
        // repeated papillary carcinoma, the variant stated once in the synoptic part
        String text = "Thyroid, total thyroidectomy: papillary thyroid carcinoma, 2.7 cm. Papillary thyroid carcinoma "
                + "involves the capsule. Papillary carcinoma, right lobe. Variant: tall cell variant.";
        PatientResult result = pathology(text);
        assertThat(value(result, HISTOLOGY)).isEqualTo("8344");
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("tall cell variant");
    }

    @Test
    void aParentDoesNotYieldToAnotherCodeFoundBesideIt() {
        // a microcarcinoma in the other lobe is not a subtype of the tumour
        String text = "Thyroid: papillary thyroid carcinoma, 2.1 cm, right lobe. Papillary thyroid carcinoma invades "
                + "the capsule. Left lobe: papillary microcarcinoma, 0.3 cm.";
        assertThat(value(pathology(text), HISTOLOGY)).isEqualTo("8260");
    }

    @Test
    void aDedifferentiatedLiposarcomaIsCodedAsSuchWhateverItsPartsAreCalled() {
        // it arises in a well-differentiated liposarcoma, named as often and more confidently
        String arising = "Retroperitoneum, excision: dedifferentiated liposarcoma arising in a well differentiated liposarcoma. "
                + "Well differentiated liposarcoma at the margin. Lipoma like liposarcoma in block 3.";
        assertThat(value(pathology(arising), HISTOLOGY)).isEqualTo("8858");
        // its dedifferentiated part is described in the words of another sarcoma
        String described = "Retroperitoneal mass: dedifferentiated liposarcoma, 20 cm. The dedifferentiated component has a "
                + "malignant fibrous histiocytoma appearance.";
        assertThat(value(pathology(described), HISTOLOGY)).isEqualTo("8858");
        // negative: a well-differentiated liposarcoma alone stays one
        assertThat(value(pathology("Thigh, excision: well differentiated liposarcoma, 12 cm."), HISTOLOGY)).isEqualTo("8851");
    }

    @Test
    void aCarcinomaOfTheTallCellKindIsTheTallCellPapillaryCarcinoma() {
        // "carcinoma, tall cell" qualifies a carcinoma, NOS; the microcarcinomas named beside it, twice, are other foci
        String text = "Thyroid: papillary carcinoma, 2 cm. Carcinoma, tall cell. Papillary microcarcinoma, 0.2 cm, left lobe. "
                + "Papillary microcarcinoma, 0.1 cm, isthmus.";
        assertThat(value(pathology(text), HISTOLOGY)).isEqualTo("8344");
        // negative: a microcarcinoma alone is coded as one
        assertThat(value(pathology("Thyroid, left lobe: papillary microcarcinoma, 0.6 cm."), HISTOLOGY)).isEqualTo("8341");
    }

    @Test
    void squamousCellCarcinomaYieldsToItsOwnSubtypesOnly() {
        // a second, smaller tumour of another kind does not make the repeated squamous cell carcinoma yield
        String twoTumours = "Right upper lobe: squamous cell carcinoma, 3 cm. Squamous cell carcinoma invades the pleura. "
                + "Right lower lobe: a second nodule of papillary adenocarcinoma, 0.8 cm.";
        assertThat(value(pathology(twoTumours), HISTOLOGY)).isEqualTo("8070");
        // its own subtype, stated once, wins over the repeated NOS
        String subtype = "Larynx: squamous cell carcinoma, 3 cm. Squamous cell carcinoma invades cartilage. "
                + "Microscopic: keratinizing squamous cell carcinoma.";
        assertThat(value(pathology(subtype), HISTOLOGY)).isEqualTo("8071");
    }

    @Test
    void aGenericHistologyIsTheOrgansUsualOne() {
        // breast carcinoma, NOS: the usual infiltrating duct carcinoma, less confident than a stated one
        String text = "Left breast, mastectomy: invasive carcinoma, 2.1 cm, Nottingham grade 2.";
        PatientResult result = pathology(text);
        assertThat(value(result, HISTOLOGY)).isEqualTo("8500");
        assertThat(evidenceWords(text, result, HISTOLOGY)).isEqualTo("invasive carcinoma");
        double stated = EngineFixture.inference(pathology("Left breast, mastectomy: invasive ductal carcinoma, 2.1 cm."), HISTOLOGY)
                .confidenceScore();
        assertThat(EngineFixture.inference(result, HISTOLOGY).confidenceScore()).isLessThan(stated);
        // an adenocarcinoma of the ovary is coded serous
        assertThat(value(pathology("Right ovary, oophorectomy: adenocarcinoma, high grade."), HISTOLOGY)).isEqualTo("8441");
        // an in situ carcinoma keeps its generic code
        assertThat(value(pathology("Left breast, excision: carcinoma in situ, 1 cm."), HISTOLOGY)).isEqualTo("8010");
        // a stated histology is kept, and an organ of several common kinds (lung) keeps the generic one
        assertThat(value(pathology("Right ovary: endometrioid adenocarcinoma."), HISTOLOGY)).isEqualTo("8380");
        assertThat(value(pathology("Right upper lobe of lung, lobectomy: carcinoma, poorly differentiated."), HISTOLOGY))
                .isEqualTo("8010");
    }

    @Test
    void colonNosYieldsToTheRectumNamedBesideIt() {
        assertThat(value(pathology("Rectum, low anterior resection: segment of colon with invasive adenocarcinoma, 4 cm."),
                TUMOR_SITE)).isEqualTo("C20.9");
        // a colon subsite does not yield
        assertThat(value(pathology("Sigmoid colon and upper rectum, resection: adenocarcinoma of the sigmoid colon."),
                TUMOR_SITE)).isEqualTo("C18.7");
    }

    @Test
    void bloodAndLymphNodesAreNoPrimaryOfASolidTumourButOfALymphoma() {
        // the blood sample sent as a control, the nodes as staging sites
        assertThat(value(pathology("Specimens: Blood. Blood. Brain, left frontal lobe: glioblastoma. Blood: normal."), TUMOR_SITE))
                .isEqualTo("C71.1");
        assertThat(value(pathology("Endometrium, biopsy: endometrioid adenocarcinoma. Pelvic lymph nodes: metastatic "
                + "adenocarcinoma. Pelvic lymph nodes, right: positive."), TUMOR_SITE)).isEqualTo("C54.1");
        // a lymphoma arises in the nodes
        assertThat(value(pathology("Pelvic lymph nodes, excision: diffuse large B-cell lymphoma."), TUMOR_SITE)).isEqualTo("C77.5");
    }

    @Test
    void uterusNosCompetesWhenTheHistologyArisesThere() {
        // carcinosarcoma of the uterus is coded to the uterus, NOS
        assertThat(value(pathology("Uterus, total hysterectomy: carcinosarcoma of the uterus, 6 cm, invading the myometrium."),
                TUMOR_SITE)).isEqualTo("C55.9");
        // an endometrioid carcinoma is still coded to the corpus
        assertThat(value(pathology("Uterus, total hysterectomy: endometrioid adenocarcinoma of the uterus, invading the myometrium."),
                TUMOR_SITE)).isEqualTo("C54.2");
    }
}
