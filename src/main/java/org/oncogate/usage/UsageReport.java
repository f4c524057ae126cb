package org.oncogate.usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.oncogate.job.JobJson;
import org.oncogate.store.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one aggregate JSON report per completed hour to {@code data/usage/usage-<hour>.json}, with
 * the hour's break-glass attempts by outcome. It holds label values and counts only; the purge leaves
 * this folder alone.
 */
public final class UsageReport {

    private static final Logger LOG = LoggerFactory.getLogger(UsageReport.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH'Z'").withZone(ZoneOffset.UTC);

    record Row(String api, String operation, String subscription, String outcome,
               long calls, long documents, long characters) {
    }

    record Report(Instant hourStart, String resource, String region, List<Row> usage, Map<String, Long> breakGlass) {
    }

    private final UsageLedger ledger;
    private final Path usageDir;
    private final String resource;
    private final String region;
    private final Clock clock;
    private final BiFunction<Instant, Instant, Map<String, Long>> breakGlass;

    /** {@code breakGlass}: attempts by outcome between two instants (counted from the audit log). */
    public UsageReport(UsageLedger ledger, Path usageDir, String resource, String region, Clock clock,
                       BiFunction<Instant, Instant, Map<String, Long>> breakGlass) {
        this.ledger = ledger;
        this.usageDir = usageDir;
        this.resource = resource;
        this.region = region;
        this.clock = clock;
        this.breakGlass = breakGlass;
    }

    /** Writes every completed hour not yet written; returns how many reports were written. */
    public int writeCompletedHours() throws IOException {
        Map<Instant, Map<UsageKey, UsageTally>> completed = ledger.takeCompletedHours(clock.instant());
        Files.createDirectories(usageDir);
        for (Map.Entry<Instant, Map<UsageKey, UsageTally>> hour : completed.entrySet()) {
            List<Row> rows = hour.getValue().entrySet().stream().map(e -> new Row(e.getKey().api(),
                    e.getKey().operation(), e.getKey().subscription(), e.getKey().outcome(),
                    e.getValue().calls(), e.getValue().documents(), e.getValue().characters())).toList();
            Path file = usageDir.resolve("usage-" + HOUR.format(hour.getKey()) + ".json");
            Instant start = hour.getKey();
            DurableFiles.write(file, JobJson.write(new Report(start, resource, region, rows,
                    breakGlass.apply(start, start.plus(Duration.ofHours(1))))));
        }
        if (!completed.isEmpty()) {
            LOG.info("usage report: wrote {} hour(s)", completed.size());
        }
        return completed.size();
    }
}
