package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v26.datatype.ED;
import ca.uhn.hl7v2.model.v26.segment.OBX;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.oncogate.text.RtfText;

/**
 * The text of a report: the OBX-5 values in message order, one line per OBX and per repetition (a
 * text OBX without a value is a blank line).
 * <ul>
 *   <li>TX, FT and ST values are decoded by {@link EscapeSequences} from their wire form, which HAPI
 *       gives back by re-encoding the parsed value. HAPI alone decodes only the delimiter escapes and
 *       leaves {@code \.br\}, {@code \H\} and {@code \X..\} in the text; decoding its output again
 *       would turn an escaped backslash into a new escape. A value with none of the delimiters in it is its
 *       own wire form and is taken as it is. The re-encoding also keeps a component
 *       separator the sender left unescaped, which the value alone would cut off. One known loss: HAPI
 *       re-encodes an escaped backslash in front of a formatting or hex sequence
 *       ({@code \E\.br\E\}) as that sequence, so it reads as a line break;</li>
 *   <li>ED values of type text/plain or text/rtf in Base64 are decoded, strictly in the message's
 *       charset; RTF is reduced to plain text by {@link RtfText};</li>
 *   <li>every other value type (NM, CE, CWE, ED of other media types...) is not text and is skipped.</li>
 * </ul>
 * The result is exactly the document content the job stores and the engine reads, so evidence offsets
 * point into it, not into the HL7 message.
 */
final class ReportText {

    static final String LOCATION = "OBX-5";
    private static final Set<String> TEXT_TYPES = Set.of("TX", "FT", "ST");

    private final EncodingCharacters delimiters;
    private final Charset charset;
    private final List<String> lines = new ArrayList<>();
    private boolean hasText;

    ReportText(EncodingCharacters delimiters, Charset charset) {
        this.delimiters = delimiters;
        this.charset = charset;
    }

    /** Adds the text of one OBX, if it holds any. */
    void add(OBX obx) throws Hl7RejectException {
        String valueType = obx.getValueType().getValue();
        String type = valueType == null ? "" : valueType.trim().toUpperCase(Locale.ROOT);
        if (obx.getObservationValueReps() == 0 && TEXT_TYPES.contains(type)) {
            lines.add(""); // an empty text OBX is a blank line of the report
        }
        for (Varies value : obx.getObservationValue()) {
            String line = TEXT_TYPES.contains(type) ? text(value)
                    : type.equals("ED") ? embeddedText(value.getData())
                    : null;
            if (line != null) {
                lines.add(line);
                hasText |= !line.isBlank();
            }
        }
    }

    /** The text; {@code MissingReportText} when no OBX held any. */
    String text() throws Hl7RejectException {
        if (!hasText) {
            throw new Hl7RejectException("MissingReportText",
                    "no OBX-5 holds report text (TX, FT, ST, or ED text/plain or text/rtf in Base64)", LOCATION);
        }
        return String.join("\n", lines);
    }

    private String text(Varies value) throws Hl7RejectException {
        if (value.getData() instanceof Primitive primitive && plain(primitive)) {
            return primitive.getValue(); // what the re-encoding and the decoding would give back unchanged
        }
        try {
            return EscapeSequences.decode(value.encode(), delimiters, charset, LOCATION);
        } catch (HL7Exception e) {
            throw new Hl7RejectException("UnparseableMessage", "an OBX-5 text value cannot be read", LOCATION);
        }
    }

    /**
     * Whether a text value reads the same on the wire: it has no components the sender left unescaped, and none
     * of the five delimiters, so re-encoding it escapes nothing and there is no escape sequence to decode. Most
     * report lines are such; skipping HAPI's re-encoding for them takes a tenth off the HL7 intake's parse and map.
     */
    private boolean plain(Primitive primitive) {
        String text = primitive.getValue();
        if (text == null || primitive.getExtraComponents().numComponents() > 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiters.getFieldSeparator() || c == delimiters.getComponentSeparator()
                    || c == delimiters.getRepetitionSeparator() || c == delimiters.getEscapeCharacter()
                    || c == delimiters.getSubcomponentSeparator()) {
                return false;
            }
        }
        return true;
    }

    private String embeddedText(Type data) throws Hl7RejectException {
        if (!(data instanceof ED ed) || !"BASE64".equalsIgnoreCase(trim(ed.getEncoding().getValue()))) {
            return null;
        }
        String mediaType = mediaType(trim(ed.getTypeOfData().getValue()), trim(ed.getDataSubtype().getValue()));
        boolean rtf = mediaType.endsWith("/rtf");
        if (!rtf && !mediaType.equals("text/plain")) {
            return null;
        }
        String text = Hl7Charsets.decode(base64(ed.getData().getValue()), charset, LOCATION);
        return rtf ? RtfText.toPlainText(text) : text;
    }

    /**
     * ED-2 and ED-3 as a media type: {@code TEXT^PLAIN}, {@code ^text/plain} (a whole media type in
     * ED-3) and {@code text/plain^} (in ED-2) all give text/plain. RTF is accepted under any type of
     * data ({@code TEXT^RTF}, {@code AP^RTF}, {@code application/rtf}).
     */
    private static String mediaType(String typeOfData, String subtype) {
        String type = subtype.contains("/") ? subtype
                : typeOfData.contains("/") ? typeOfData
                : typeOfData + "/" + subtype;
        return type.toLowerCase(Locale.ROOT);
    }

    private static byte[] base64(String data) throws Hl7RejectException {
        try {
            return Base64.getDecoder().decode(data == null ? "" : data.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new Hl7RejectException("InvalidEncoding", "an ED value in OBX-5 is not valid Base64", LOCATION);
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
