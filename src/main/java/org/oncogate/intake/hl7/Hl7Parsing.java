package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.parser.UnexpectedSegmentBehaviourEnum;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns HL7 v2 ER7 into HAPI messages. It owns the process's one {@link HapiContext} (expensive,
 * thread-safe): every 2.x version parses into the v2.6 structures, nothing is validated beyond
 * what the mapping needs, and the parser is lenient with real-world messages: unknown segments
 * (Z-segments) are kept as non-standard segments, optional fields may be missing, and an OBX
 * without a valid OBX-2 still parses (its value is read as ST; the mapper decides from OBX-2 itself).
 */
public final class Hl7Parsing {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int MSH_18 = 17; // index of MSH-18 once the header is split on the field separator
    private static final Set<String> BATCH_ENVELOPE = Set.of("FHS", "BHS", "BTS", "FTS");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n|\r");
    /** Components and subcomponents one field may have (see {@link #requireSimpleFields}). */
    static final int MAX_FIELD_PARTS = 1_000;

    private final PipeParser parser;

    private Hl7Parsing(HapiContext context) {
        this.parser = new Er7Parser(context);
    }

    /** Builds the context described above; call once per process. */
    public static Hl7Parsing create() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.6"));
        ParserConfiguration parsing = context.getParserConfiguration();
        // no validation at all, not even the lookup of rules for every value: HAPI's "no validation" rule set
        // still trims trailing whitespace of ST/TX/FT with a regular expression that takes quadratic time in a run
        // of spaces (40,000 spaces: seconds; the fuzz test found it)
        parsing.setValidating(false);
        parsing.setUnexpectedSegmentBehaviour(UnexpectedSegmentBehaviourEnum.ADD_INLINE);
        parsing.setDefaultObx2Type("ST");
        parsing.setInvalidObx2Type("ST");
        // control ids of ACKs and ORUs: in memory, not HAPI's default id_file in the working directory
        parsing.setIdGenerator(new InMemoryIDGenerator());
        return new Hl7Parsing(context);
    }

    /** The parser of the shared context, e.g. for building ACKs and ORUs with the same settings. */
    public PipeParser parser() {
        return parser;
    }

    /**
     * Parses one ER7 message (segments separated by CR). Any parser failure is an
     * {@code UnparseableMessage}; HAPI's reason is dropped because it quotes the message.
     */
    public Message parse(String er7) throws Hl7RejectException {
        if (er7 == null || er7.isBlank()) {
            throw unparseable("the message is empty");
        }
        requireSimpleFields(er7);
        try {
            return parser.parse(er7);
        } catch (HL7Exception | RuntimeException e) {
            // a runtime failure inside HAPI on hostile input is just as permanent: refuse, never retry
            throw unparseable("the message is not valid HL7 v2 ER7 (or its version is not a known 2.x version)");
        }
    }

    /**
     * Refuses delimiters that are not five different non-alphanumeric characters, and a field with
     * more than {@link #MAX_FIELD_PARTS} components and subcomponents, before
     * HAPI sees it: HAPI builds them in time quadratic in their number (10,000 in one field: over a
     * second; a megabyte of them: hours), and no real field has more than a few dozen. Found by Hl7Fuzz.
     */
    private static void requireSimpleFields(String er7) throws Hl7RejectException {
        if (!er7.startsWith("MSH") || er7.length() < 8) {
            return; // HAPI refuses it at once
        }
        char field = er7.charAt(3);
        char component = er7.charAt(4);
        char subcomponent = er7.charAt(7);
        if (er7.substring(3, 8).chars().distinct().count() < 5
                || er7.substring(3, 8).chars().anyMatch(c -> Character.isLetterOrDigit(c) || c == '\r' || c == '\n')) {
            // HAPI reads such a header, but the message and its ACK then mean something else than they say
            throw unparseable("MSH-1 and MSH-2 must be five different delimiter characters");
        }
        int parts = 0;
        for (int i = 8; i < er7.length(); i++) {
            char c = er7.charAt(i);
            if (c == field || c == '\r' || c == '\n') {
                parts = 0;
            } else if ((c == component || c == subcomponent) && ++parts > MAX_FIELD_PARTS) {
                throw new Hl7RejectException("FieldTooComplex", "a field has more than " + MAX_FIELD_PARTS
                        + " components and subcomponents", null);
            }
        }
    }

    /**
     * Decodes the bytes of a message (an MLLP frame or an inbox file) in the character set its first
     * MSH-18 names, read from the raw bytes, whose MSH header must be ASCII. Without MSH-18 the bytes
     * must be UTF-8 (a leading byte order mark is dropped); an unknown MSH-18 is
     * {@code UnsupportedCharset}, bytes invalid in the charset are {@code InvalidEncoding}.
     */
    public static String decode(byte[] frame) throws Hl7RejectException {
        String header = header(frame);
        if (header == null) {
            throw unparseable("no segment starts with MSH");
        }
        return Hl7Charsets.decode(frame, Hl7Charsets.forName(msh18(header)), "MSH-18");
    }

    /**
     * The first MSH segment of raw message bytes, or null if there is none. Its fields are ASCII, so
     * it reads the same whatever the message's charset: enough to answer a message that is refused
     * before it is decoded (too large, wrong charset) with MSA-2 naming it.
     */
    public static String header(byte[] bytes) {
        int start = bytes == null ? -1 : firstMsh(bytes);
        if (start < 0) {
            return null;
        }
        int end = start;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        // ISO-8859-1 maps every byte to one char, so the header's ASCII fields read as they are
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * Splits a file holding one or more messages into messages, each starting with its MSH segment.
     * Segment separators may be CR, LF or CRLF; each message comes back with CR after every segment.
     * Blank lines and the batch envelope (FHS, BHS, BTS, FTS) are dropped. Anything before the first
     * MSH becomes a message of its own, so that it fails to parse instead of vanishing.
     */
    public static List<String> splitBatch(String fileContent) {
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        String content = fileContent.startsWith("\uFEFF") ? fileContent.substring(1) : fileContent;
        for (String segment : LINE_BREAK.split(content)) {
            if (segment.isBlank() || BATCH_ENVELOPE.contains(segmentId(segment))) {
                continue;
            }
            if (segmentId(segment).equals("MSH") && !message.isEmpty()) {
                messages.add(message.toString());
                message.setLength(0);
            }
            message.append(segment).append('\r');
        }
        if (!message.isEmpty()) {
            messages.add(message.toString());
        }
        return messages;
    }

    private static String segmentId(String segment) {
        return segment.length() >= 3 ? segment.substring(0, 3) : segment;
    }

    /** Offset of the first segment starting with MSH (after an optional UTF-8 byte order mark), or -1. */
    private static int firstMsh(byte[] bytes) {
        int from = startsWith(bytes, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        for (int i = from; i + 3 <= bytes.length; i++) {
            boolean segmentStart = i == from || bytes[i - 1] == '\r' || bytes[i - 1] == '\n';
            if (segmentStart && bytes[i] == 'M' && bytes[i + 1] == 'S' && bytes[i + 2] == 'H') {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first repetition of MSH-18 in an MSH segment, or null. */
    private static String msh18(String header) throws Hl7RejectException {
        if (header.length() < 8) {
            throw unparseable("the MSH segment is too short to hold its encoding characters");
        }
        char fieldSeparator = header.charAt(3);
        String[] fields = header.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
        if (fields.length <= MSH_18 || fields[MSH_18].isBlank()) {
            return null;
        }
        String encodingCharacters = fields[1];
        String value = fields[MSH_18];
        if (encodingCharacters.length() > 1) {
            int repetition = value.indexOf(encodingCharacters.charAt(1));
            value = repetition < 0 ? value : value.substring(0, repetition);
        }
        return value.isBlank() ? null : value.trim();
    }

    private static Hl7RejectException unparseable(String message) {
        return new Hl7RejectException("UnparseableMessage", message, "MSH");
    }
}
