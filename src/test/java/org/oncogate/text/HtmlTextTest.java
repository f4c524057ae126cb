package org.oncogate.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oncogate.testing.PhiCanary;

/** HTML (FHIR narratives, text/html attachments) reduced to the text the engine reads. */
class HtmlTextTest {

    @Test
    void keepsTextWithABreakPerBlockAndDropsMarkupScriptsAndStyles() {
        String html = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><style>p {color: red}</style><h1>FINAL   DIAGNOSIS</h1>"
                + "<p>" + PhiCanary.MARKER + ": adeno<b>carcinoma</b>, 3&nbsp;cm &lt;pT2a&gt;<br/>pN1</p>"
                + "<script>alert('x')</script><ul><li>margin &amp; nodes</li><li>M0</li></ul></div>";

        assertThat(HtmlText.toPlainText(html))
                .isEqualTo("FINAL DIAGNOSIS\n" + PhiCanary.MARKER + ": adenocarcinoma, 3\u00a0cm <pT2a>\npN1\nmargin & nodes\nM0");
    }

    @Test
    void plainTextIsItself() {
        assertThat(HtmlText.toPlainText("no markup here")).isEqualTo("no markup here");
    }
}
