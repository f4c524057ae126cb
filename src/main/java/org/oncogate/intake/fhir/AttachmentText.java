package org.oncogate.intake.fhir;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Resource;
import org.oncogate.text.HtmlText;
import org.oncogate.text.RtfText;
import org.oncogate.text.TextDecoder;
import org.oncogate.text.UndecodableTextException;

/**
 * The text of a document's attachments. Several attachments of one DocumentReference (or
 * presentedForm) are the same document in different formats, so one is read: text/plain before
 * text/html before RTF (application/rtf, text/rtf); others (PDF, images) are not text and are
 * skipped. Its bytes are the inline {@code data}, or the {@code Binary} its {@code url} names, read
 * back from the source. They are decoded strictly in the {@code charset} of the content type
 * (default UTF-8); HTML and RTF are reduced to plain text ({@link HtmlText}, {@link RtfText}).
 */
final class AttachmentText {

    private static final List<String> PREFERENCE = List.of("text/plain", "text/html", "application/rtf", "text/rtf");
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private AttachmentText() {
    }

    /** The text of the preferred readable attachment, or "" when none is readable. */
    static String of(List<Attachment> attachments, ResourceReader reader) throws FhirRefusal {
        Optional<Attachment> chosen = PREFERENCE.stream()
                .flatMap(type -> attachments.stream().filter(a -> mediaType(a).equals(type) && (a.hasData() || a.hasUrl())))
                .findFirst();
        if (chosen.isEmpty()) {
            return "";
        }
        Attachment attachment = chosen.get();
        String text = decode(attachment.hasData() ? attachment.getData() : binary(attachment.getUrl(), reader),
                attachment.getContentType());
        return switch (mediaType(attachment)) {
            case "text/html" -> HtmlText.toPlainText(text);
            case "application/rtf", "text/rtf" -> RtfText.toPlainText(text);
            default -> text;
        };
    }

    private static byte[] binary(String url, ResourceReader reader) throws FhirRefusal {
        Resource resource = reader.read("Binary", url);
        if (!(resource instanceof Binary binary) || !binary.hasData()) {
            throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "UnreadableAttachment",
                    "the attachment's url does not name a Binary with data", "attachment.url");
        }
        return binary.getData();
    }

    private static String mediaType(Attachment attachment) {
        String type = attachment.getContentType();
        return type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String decode(byte[] bytes, String contentType) throws FhirRefusal {
        Matcher named = CHARSET.matcher(contentType == null ? "" : contentType);
        try {
            Charset charset = named.find() ? Charset.forName(named.group(1)) : StandardCharsets.UTF_8;
            return TextDecoder.decode(bytes, charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "UnsupportedCharset",
                    "the attachment's content type names a character set the gateway does not support",
                    "attachment.contentType");
        } catch (UndecodableTextException e) {
            throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "InvalidEncoding",
                    "the attachment's bytes are not valid in its character set (first invalid byte near offset "
                            + e.byteOffset() + ")", "attachment.data");
        }
    }
}
