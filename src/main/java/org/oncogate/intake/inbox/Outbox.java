package org.oncogate.intake.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.oncogate.job.JobJson;
import org.oncogate.store.DurableFiles;

/**
 * The customer's pick-up point, {@code outbox/<subscription>/}: results ({@code <name>.result.json})
 * and error reports ({@code <name>.error.json}). Files carry the gateway clock's time so the purge
 * can remove them on schedule.
 */
public final class Outbox {

    private final Path root;
    private final Clock clock;

    public Outbox(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    void write(String subscription, String baseName, String suffix, Object body) throws IOException {
        Path folder = root.resolve(subscription).normalize();
        if (!folder.getParent().equals(root.normalize())) {
            throw new IllegalArgumentException("outbox folder outside the outbox root");
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(baseName + suffix);
        if (!target.getParent().equals(folder)) {
            throw new IllegalArgumentException("outbox file outside its folder");
        }
        // the purge goes by this time: it is set before the file appears, so no reader sees another
        DurableFiles.write(target, JobJson.write(body), clock.instant());
    }
}
