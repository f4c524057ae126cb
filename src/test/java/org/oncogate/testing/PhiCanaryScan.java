package org.oncogate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for the PHI canary in files: in what a test gateway keeps that is not purged (its usage
 * reports and audit log, {@link #assertGatewayDataClean}), and, run as a program in the build's
 * verify phase, in every log and output file the whole test suite wrote.
 */
public final class PhiCanaryScan {

    /** Folders of a gateway's data directory that hold no patient data by design, and outlive the purge. */
    private static final List<String> AGGREGATE_FOLDERS = List.of("usage", "audit");
    private static final byte[] MARKER = PhiCanary.MARKER.getBytes(StandardCharsets.UTF_8);

    private PhiCanaryScan() {
    }

    /** Fails if a file under {@code data/usage} or {@code data/audit} of this gateway (if present) holds the canary. */
    public static void assertGatewayDataClean(Path dataDir) {
        List<Path> hits = new ArrayList<>();
        for (String folder : AGGREGATE_FOLDERS) {
            hits.addAll(hits(dataDir.resolve(folder)));
        }
        if (!hits.isEmpty()) {
            throw new AssertionError("the PHI canary is in aggregate data that is never purged: " + hits);
        }
    }

    /** Fails if what the run's log got after {@code mark} holds the canary. */
    public static void assertLogClean(String testClass, long mark) throws IOException {
        if (TestLog.since(mark).contains(PhiCanary.MARKER)) {
            throw new AssertionError("log output of " + testClass + " contains the PHI canary (see " + TestLog.file() + ")");
        }
    }

    /** Every regular file under {@code root} (none if it does not exist) whose bytes contain the canary. */
    public static List<Path> hits(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(PhiCanaryScan::holdsCanary).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot scan " + root + " for the PHI canary", e);
        }
    }

    private static boolean holdsCanary(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return false; // removed while the tree was walked
        }
        for (int i = 0; i + MARKER.length <= bytes.length; i++) {
            if (bytes[i] == MARKER[0] && Arrays.equals(bytes, i, i + MARKER.length, MARKER, 0, MARKER.length)) {
                return true;
            }
        }
        return false;
    }

    /** The build's check over the whole suite: fails (the build with it) if any file under the folders given holds the canary. */
    public static void main(String[] folders) {
        List<Path> hits = Arrays.stream(folders).map(Path::of).flatMap(folder -> hits(folder).stream()).toList();
        if (!hits.isEmpty()) {
            throw new IllegalStateException("the PHI canary " + PhiCanary.MARKER + " is in test logs or output: " + hits);
        }
        System.out.println("PHI canary scan: no hit in " + String.join(", ", folders));
    }
}
