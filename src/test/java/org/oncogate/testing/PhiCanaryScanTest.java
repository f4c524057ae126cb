package org.oncogate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhiCanaryScanTest {

    @TempDir
    Path data;

    @Test
    void aCanaryInAUsageReportOrTheAuditLogFails() throws Exception {
        Files.createDirectories(data.resolve("usage"));
        Files.writeString(data.resolve("usage/2026-12-01T10.json"), "{\"subscription\": \"default\", \"calls\": 3}");
        assertThatCode(() -> PhiCanaryScan.assertGatewayDataClean(data)).doesNotThrowAnyException();

        Files.createDirectories(data.resolve("audit"));
        Files.writeString(data.resolve("audit/audit.jsonl"), "{\"object\": \"" + PhiCanary.MARKER + "\"}\n");
        assertThatThrownBy(() -> PhiCanaryScan.assertGatewayDataClean(data)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("audit.jsonl");
        Files.delete(data.resolve("audit/audit.jsonl"));

        Files.writeString(data.resolve("usage/2026-12-01T11.json"), "x" + PhiCanary.MARKER);
        assertThatThrownBy(() -> PhiCanaryScan.assertGatewayDataClean(data)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("2026-12-01T11.json");
    }

    @Test
    void payloadFoldersAreNotItsConcernAndMissingFoldersAreClean() throws Exception {
        // the outbox holds results with the evidence text by design; the store is ciphertext
        Files.createDirectories(data.resolve("outbox/default"));
        Files.writeString(data.resolve("outbox/default/r.result.json"), PhiCanary.patientLine());
        assertThatCode(() -> PhiCanaryScan.assertGatewayDataClean(data)).doesNotThrowAnyException();
        assertThatCode(() -> PhiCanaryScan.assertGatewayDataClean(data.resolve("nothing-here"))).doesNotThrowAnyException();
    }

    @Test
    void theSuiteScanFailsOnAnyFileWithTheCanary() throws Exception {
        Path logs = Files.createDirectories(data.resolve("logs/nested"));
        Files.writeString(logs.resolve("a.log"), "fine");
        assertThatCode(() -> PhiCanaryScan.main(new String[] {data.resolve("logs").toString()})).doesNotThrowAnyException();
        Files.writeString(logs.resolve("b.txt"), "line\n" + PhiCanary.MARKER);
        assertThatThrownBy(() -> PhiCanaryScan.main(new String[] {data.resolve("logs").toString()}))
                .hasMessageContaining("b.txt");
        assertThat(PhiCanaryScan.hits(data.resolve("logs"))).containsExactly(logs.resolve("b.txt"));
    }
}
