package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;
import ca.uhn.hl7v2.parser.FixFieldDataType;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;

/**
 * HAPI's {@link PipeParser} (HAPI 2.6.0) with two of its hot spots done in one pass, and otherwise
 * HAPI's own steps in HAPI's order; {@code Er7ParserTest} checks that every sample, every form of
 * MSH-9 and mutated messages parse exactly as with HAPI's parser.
 * <ul>
 * <li><b>The structure from MSH alone.</b> HAPI's lookup of the message structure (its private
 * {@code getStructure}) means to read MSH-9 from the first segment, but cuts at {@code Math.max} of the
 * first segment end and the message length, which is always the whole message: it splits every field
 * of every segment once more just to read MSH-9. This class hands HAPI's lookup the MSH segment alone.
 * <li><b>Splitting with {@code indexOf}.</b> HAPI splits segments into fields, repetitions, components
 * and subcomponents with a {@code StringTokenizer} that returns the delimiters as tokens and collects
 * them in a list; {@link #split} gives the same pieces from {@code String.indexOf}. Fields, repetitions,
 * components and subcomponents are parsed here as HAPI's {@code parse(Segment, ...)} and
 * {@code parse(Type, ...)} parse them, with this split.
 * </ul>
 * For the HL7 benchmark's 45-segment ORU, the first saved 5 to 10% of the CPU time of parse and map
 * (one-JVM A/Bs, x1.05 and x1.11 on a shared machine), and the second another fifth (x1.29).
 */
final class Er7Parser extends PipeParser {

    private static final String[] NOTHING = {};

    Er7Parser(HapiContext context) {
        super(context);
    }

    @Override
    protected Message doParse(String message, String version) throws HL7Exception {
        String header = firstSegment(message);
        @SuppressWarnings("deprecation") // the public face of HAPI's own MSH-9 lookup, given the header alone
        String structure = getMessageStructure(header);
        Message parsed = instantiateMessage(structure, version, namesItsStructure(header));
        parsed.setParser(this);
        parse(parsed, message);
        return parsed;
    }

    /** HAPI's steps: fields, their repetitions (MSH-2 is one value), then OBX-5's and MFE-4's types. */
    @Override
    public void parse(Segment destination, String segment, EncodingCharacters encodingChars, int repetition)
            throws HL7Exception {
        boolean definesDelimiters = definesDelimiters(destination.getName());
        int fieldOffset = definesDelimiters ? 1 : 0;
        if (definesDelimiters) {
            Terser.set(destination, 1, 0, 1, 1, String.valueOf(encodingChars.getFieldSeparator()));
        }
        String[] fields = split(segment, encodingChars.getFieldSeparator());
        for (int i = 1; i < fields.length; i++) {
            boolean msh2 = definesDelimiters && i + fieldOffset == 2;
            String[] reps = msh2 ? new String[] {fields[i]} : split(fields[i], encodingChars.getRepetitionSeparator());
            for (int j = 0; j < reps.length; j++) {
                try {
                    Type field = destination.getField(i + fieldOffset, j);
                    if (msh2) {
                        Terser.getPrimitive(field, 1, 1).setValue(reps[j]);
                    } else {
                        parse(field, reps[j], encodingChars);
                    }
                } catch (HL7Exception e) {
                    e.setFieldPosition(i);
                    if (repetition > 1) {
                        e.setSegmentRepetition(repetition);
                    }
                    e.setSegmentName(destination.getName());
                    throw e;
                }
            }
        }
        String segmentClass = destination.getClass().getName();
        if (segmentClass.contains("OBX")) {
            FixFieldDataType.fixOBX5(destination, getFactory(), getParserConfiguration());
        }
        if (segmentClass.contains("MFE")
                && Version.versionOf(destination.getMessage().getVersion()).isGreaterThan(Version.V23)) {
            FixFieldDataType.fixMFE4(destination, getFactory(), getParserConfiguration());
        }
    }

    /** HAPI's steps: components, subcomponents, each unescaped into its primitive. */
    @Override
    public void parse(Type destinationField, String data, EncodingCharacters encodingChars) throws HL7Exception {
        Escaping escaping = getParserConfiguration().getEscaping();
        String[] components = split(data, encodingChars.getComponentSeparator());
        for (int i = 0; i < components.length; i++) {
            String[] subcomponents = split(components[i], encodingChars.getSubcomponentSeparator());
            for (int j = 0; j < subcomponents.length; j++) {
                String value = subcomponents[j];
                if (value != null) {
                    value = escaping.unescape(value, encodingChars);
                }
                Terser.getPrimitive(destinationField, i + 1, j + 1).setValue(value);
            }
        }
    }

    /**
     * {@link PipeParser#split(String, String)} with a one-character delimiter: the pieces between
     * delimiters, an empty piece as null, except that an empty last piece is left out; null or an empty
     * string has no pieces.
     */
    static String[] split(String composite, char delimiter) {
        if (composite == null || composite.isEmpty()) {
            return NOTHING;
        }
        int pieces = 1;
        for (int at = composite.indexOf(delimiter); at >= 0; at = composite.indexOf(delimiter, at + 1)) {
            pieces++;
        }
        if (composite.charAt(composite.length() - 1) == delimiter) {
            pieces--;
        }
        String[] split = new String[pieces];
        int start = 0;
        for (int piece = 0; piece < pieces; piece++) {
            int end = composite.indexOf(delimiter, start);
            if (end < 0) {
                end = composite.length();
            }
            split[piece] = end == start ? null : composite.substring(start, end);
            start = end + 1;
        }
        return split;
    }

    private static boolean definesDelimiters(String segmentName) {
        return segmentName.equals("MSH") || segmentName.equals("FHS") || segmentName.equals("BHS");
    }

    private static String firstSegment(String message) {
        int end = message.indexOf('\r');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * HAPI's rule for whether MSH-9 names the structure itself (MSG-3, or an ACK) or only a message
     * code and trigger event, to be mapped to their structure (exactly two components). The header has
     * passed {@link #getMessageStructure}, so MSH-9 exists.
     */
    private static boolean namesItsStructure(String header) {
        String messageType = split(header, header.charAt(3))[8];
        String[] components = split(messageType, header.charAt(4));
        return components.length != 2 || "ACK".equals(components[0]);
    }
}
