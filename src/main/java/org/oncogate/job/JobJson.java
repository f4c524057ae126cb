package org.oncogate.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one Jackson mapper for the Onco-Phenotype wire model. Parse errors are turned into
 * {@link UnreadableInputException}s that name the place (line, column, JSON path) but never echo
 * the offending value, because Jackson's own messages may quote patient data.
 */
public final class JobJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private JobJson() {
    }

    public static JobRequest readRequest(String json) throws UnreadableInputException {
        return read(json, JobRequest.class);
    }

    public static <T> T read(String json, Class<T> type) throws UnreadableInputException {
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (JsonMappingException e) {
            throw new UnreadableInputException(JobError.of("InvalidRequestBody",
                    "the value at this JSON path has the wrong type or is not one of the allowed values",
                    path(e)));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "the request body"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new UnreadableInputException(JobError.of("InvalidRequestBody", "malformed JSON at " + where, where));
        }
        if (value == null) { // the body was the JSON literal null
            throw new UnreadableInputException(JobError.of("InvalidRequestBody", "the body must be a JSON object, not null",
                    null));
        }
        return value;
    }

    /** JSON for people to read (API responses, outbox files, reports): indented. */
    public static byte[] write(Object value) {
        return write(PRETTY, value);
    }

    /** JSON for the store, which only the gateway reads back: compact, so less to encrypt and write. */
    public static byte[] writeStored(Object value) {
        return write(MAPPER.writer(), value);
    }

    private static byte[] write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /**
     * Reads what another Onco-Phenotype service sent: fields this model does not know are skipped,
     * so that a service adding some does not break. Jackson's messages may quote the input.
     */
    public static <T> T readFromService(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
