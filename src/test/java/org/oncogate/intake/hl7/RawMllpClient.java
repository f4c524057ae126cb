package org.oncogate.intake.hl7;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An MLLP client over a plain socket, for what HAPI's client will not send: bytes that are not HL7,
 * frames without their end block, half a frame. Every read has a deadline, so a gateway that hangs
 * fails the test instead of hanging it.
 */
final class RawMllpClient implements Closeable {

    static final byte START_BLOCK = 0x0b;
    static final byte END_BLOCK = 0x1c;
    static final byte CARRIAGE_RETURN = 0x0d;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawMllpClient(int port, Duration readDeadline) throws IOException {
        this(new Socket("localhost", port), readDeadline);
    }

    /** Over a socket made elsewhere, e.g. a TLS one. */
    RawMllpClient(Socket socket, Duration readDeadline) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) readDeadline.toMillis());
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends one complete frame: start block, the payload, end block and CR. */
    void sendFrame(byte[] payload) throws IOException {
        out.write(START_BLOCK);
        out.write(payload);
        out.write(new byte[] {END_BLOCK, CARRIAGE_RETURN});
        out.flush();
    }

    void sendFrame(String er7) throws IOException {
        sendFrame(er7.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes as they are, with no framing added. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Closes the sending half only, so the gateway sees the end of the stream and this client can still read. */
    void finishSending() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * The payload of the next frame the gateway sends, or null if it closed or reset the connection
     * instead. A {@link java.net.SocketTimeoutException} means it did neither before the deadline.
     */
    String readAck() throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            int b = in.read();
            while (b != -1 && b != START_BLOCK) {
                b = in.read();
            }
            if (b == -1) {
                return null;
            }
            for (b = in.read(); b != -1 && b != END_BLOCK; b = in.read()) {
                answer.write(b);
            }
            if (b == -1) {
                return null;
            }
            in.read(); // the CR after the end block
        } catch (SocketException reset) {
            return null;
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Sends one frame and returns the gateway's answer (null: it closed the connection instead). */
    String exchange(String er7) throws IOException {
        sendFrame(er7);
        return readAck();
    }

    /** The value of MSA-{@code field} in an ER7 acknowledgement, or null. */
    static String msa(String ack, int field) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("MSA|")) {
                String[] fields = segment.split("\\|", -1);
                return field < fields.length ? fields[field] : null;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
