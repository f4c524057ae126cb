package org.oncogate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrStagesTest {

    /** A collector's row: name, count, total s, % wall, p50, p90, p99, max. */
    private static final Pattern COLLECTOR_ROW = Pattern.compile("(?m)^  (\\S+)\\s+(\\d+)\\s+([\\d.]+)\\s+[\\d.]+(\\s+[\\d.]+){4}$");

    @Test
    void everyCollectionIsCountedWithItsPauses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gc.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection");
            recording.start();
            System.gc();
            System.gc();
            recording.stop();
            recording.dump(file);
        }

        String summary = JfrStages.summarize(file);

        String gcSection = summary.substring(summary.indexOf("GC pauses"));
        Matcher row = COLLECTOR_ROW.matcher(gcSection);
        int collections = 0;
        while (row.find()) {
            collections += Integer.parseInt(row.group(2));
        }
        assertThat(collections).as("both System.gc() collections, in the rows of\n%s", gcSection).isGreaterThanOrEqualTo(2);
    }
}
