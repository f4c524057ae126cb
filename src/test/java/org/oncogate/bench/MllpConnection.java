package org.oncogate.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare MLLP client connection (a plain socket, framing {@code 0x0b <message> 0x1c 0x0d}), kept as
 * cheap as possible so that the client is not what the benchmark measures: one message at a time,
 * each answered by its acknowledgement before the next is sent.
 */
final class MllpConnection implements AutoCloseable {

    private static final int START_BLOCK = 0x0b;
    private static final int END_BLOCK = 0x1c;
    private static final int CARRIAGE_RETURN = 0x0d;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final ByteArrayOutputStream ack = new ByteArrayOutputStream(512);

    MllpConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** Sends one message and returns its acknowledgement (ER7, without the framing). */
    String exchange(byte[] message) throws IOException {
        out.write(START_BLOCK);
        out.write(message);
        out.write(END_BLOCK);
        out.write(CARRIAGE_RETURN);
        out.flush();
        int b = in.read();
        while (b != START_BLOCK) {
            if (b == -1) {
                throw new EOFException("the connection closed before an acknowledgement");
            }
            b = in.read(); // bytes outside a frame are not ours to interpret
        }
        ack.reset();
        for (b = in.read(); b != END_BLOCK; b = in.read()) {
            if (b == -1) {
                throw new EOFException("the connection closed inside an acknowledgement");
            }
            ack.write(b);
        }
        if (in.read() != CARRIAGE_RETURN) {
            throw new IOException("an acknowledgement frame did not end with 0x1c 0x0d");
        }
        return ack.toString(StandardCharsets.ISO_8859_1);
    }

    /** MSA-1 of an acknowledgement (AA, AE, AR, CA, ...), or "none" without an MSA segment. */
    static String ackCode(String ack) {
        int msa = ack.startsWith("MSA|") ? 0 : ack.indexOf("\rMSA|") + 1;
        if (msa <= 0 && !ack.startsWith("MSA|")) {
            return "none";
        }
        int from = msa + 4;
        int to = from;
        while (to < ack.length() && ack.charAt(to) != '|' && ack.charAt(to) != '\r') {
            to++;
        }
        return ack.substring(from, to);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
