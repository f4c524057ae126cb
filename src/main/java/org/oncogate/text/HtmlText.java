package org.oncogate.text;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of an HTML document or fragment (a FHIR narrative, a text/html attachment), read by
 * jsoup: character references decoded, markup dropped, {@code script} and {@code style} content
 * dropped, a line break after each block element and {@code br}, runs of blank lines kept to one.
 * Evidence offsets point into this text, which is what the job stores.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "br", "caption",
            "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
            "tfoot", "th", "thead", "tr", "ul");
    private static final Set<String> HIDDEN = Set.of("script", "style", "head", "template");

    private HtmlText() {
    }

    public static String toPlainText(String html) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode && !isHidden(textNode)) {
                    text.append(textNode.getWholeText().replaceAll("\\s+", " "));
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }
        }, Jsoup.parse(html).body());
        return text.toString().replaceAll(" *\n[ \n]*\n", "\n\n").replaceAll(" *\n *", "\n").strip();
    }

    private static boolean isHidden(TextNode node) {
        for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent instanceof Element element && HIDDEN.contains(element.normalName())) {
                return true;
            }
        }
        return false;
    }
}
