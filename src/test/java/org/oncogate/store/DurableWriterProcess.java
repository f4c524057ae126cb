package org.oncogate.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Child process of {@link DurableFilesCrashTest}: rewrites a few files forever with versions of
 * known content, until it is killed. Prints "ready" once the first write is complete.
 */
public final class DurableWriterProcess {

    static final int FILES = 4;
    private static final long GIVE_UP_AFTER_MILLIS = 60_000; // never outlive a dead parent for long

    private DurableWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long version = Long.parseLong(args[1]);
        long deadline = System.currentTimeMillis() + GIVE_UP_AFTER_MILLIS;
        boolean announced = false;
        while (System.currentTimeMillis() < deadline) {
            DurableFiles.write(dir.resolve("file-" + (version % FILES)), content(version));
            if (!announced) {
                System.out.println("ready");
                System.out.flush();
                announced = true;
            }
            version++;
        }
    }

    /** Version {@code v}: a header naming v, then a body whose size and bytes depend on v. */
    static byte[] content(long version) {
        byte[] header = ("version " + version + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[16_384 + (int) (version % 7) * 8_192];
        Arrays.fill(body, (byte) ('a' + version % 26));
        byte[] all = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    /** The version a complete file claims to be, or -1 if it has no readable header. */
    static long claimedVersion(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 40), StandardCharsets.US_ASCII);
        if (!head.startsWith("version ") || head.indexOf('\n') < 0) {
            return -1;
        }
        try {
            return Long.parseLong(head.substring("version ".length(), head.indexOf('\n')));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
