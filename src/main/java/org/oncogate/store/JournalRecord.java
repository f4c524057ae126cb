package org.oncogate.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * One payload as a journal segment holds it:
 * {@code magic(4) | body length(4) | CRC32C of the body(4) | body}, where the body is
 * {@code id length(2) | id | part length(2) | part | ciphertext}. Ids and parts are store names (ASCII,
 * never patient data); the ciphertext is the Tink AEAD of the payload, its associated data naming the
 * region, kind, bucket, id and part. The magic and the checksum only find where records begin and end
 * (an append a crash interrupted, a damaged record); what proves a record genuine is the AEAD.
 */
record JournalRecord(String id, String part, int ciphertextOffset, int ciphertextLength) {

    static final int HEADER = 12;
    static final int MAGIC = 0x4F474A31; // "OGJ1"
    /** Larger than any payload the gateway accepts (HL7 and HTTP bodies are capped far below). */
    static final int MAX_BODY = 256 * 1024 * 1024;

    /** The whole record, header included. */
    static ByteBuffer encode(String id, String part, byte[] ciphertext) {
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        byte[] partBytes = part.getBytes(StandardCharsets.US_ASCII);
        int body = 2 + idBytes.length + 2 + partBytes.length + ciphertext.length;
        if (body > MAX_BODY) {
            throw new IllegalArgumentException("a payload of " + ciphertext.length + " bytes is larger than the journal takes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + body);
        buffer.putInt(MAGIC).putInt(body).putInt(0);
        buffer.putShort((short) idBytes.length).put(idBytes).putShort((short) partBytes.length).put(partBytes).put(ciphertext);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), HEADER, body);
        buffer.putInt(8, (int) crc.getValue());
        return buffer.flip();
    }

    /**
     * The body length a header announces, or -1 when it is no record header (a torn or foreign tail).
     * {@code header} holds {@link #HEADER} bytes from its position.
     */
    static int bodyLength(ByteBuffer header) {
        int magic = header.getInt(header.position());
        int body = header.getInt(header.position() + 4);
        return magic == MAGIC && body > 4 && body <= MAX_BODY ? body : -1;
    }

    /**
     * The record whose header and body these are, offsets relative to the body's start; empty when
     * the checksum or the names do not hold (an append that never finished).
     */
    static Optional<JournalRecord> decode(ByteBuffer header, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        if ((int) crc.getValue() != header.getInt(header.position() + 8)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        int idLength = Short.toUnsignedInt(in.getShort());
        if (idLength > in.remaining() - 2) {
            return Optional.empty();
        }
        String id = new String(body, 2, idLength, StandardCharsets.US_ASCII);
        in.position(2 + idLength);
        int partLength = Short.toUnsignedInt(in.getShort());
        if (partLength > in.remaining()) {
            return Optional.empty();
        }
        String part = new String(body, in.position(), partLength, StandardCharsets.US_ASCII);
        int ciphertextOffset = in.position() + partLength;
        return Optional.of(new JournalRecord(id, part, ciphertextOffset, body.length - ciphertextOffset));
    }
}
