package org.oncogate.intake.fhir;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.hl7.fhir.r4.model.Bundle;
import org.oncogate.job.JobRecord;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a finished FHIR job's inferences back to its source as one transaction ({@link McodeResults}),
 * for sources with {@code write-back=true}. A write the server does not take (an error, or an entry
 * answered other than 2xx) throws, for the route's retry with backoff; every outcome is counted
 * ({@code api=fhir, operation=writeBack}), and a job whose write finally failed stays undelivered,
 * so the next start tries again.
 */
public final class FhirWriteBack {

    private static final Logger LOG = LoggerFactory.getLogger(FhirWriteBack.class);

    private final FhirSources sources;
    private final Map<String, FhirSourceClient> clients;
    private final McodeResults results = new McodeResults();
    private final UsageCounters usage;

    public FhirWriteBack(FhirSources sources, Map<String, FhirSourceClient> clients, UsageCounters usage) {
        this.sources = sources;
        this.clients = Map.copyOf(clients);
        this.usage = usage;
    }

    /** For the delivery route: whether this job's result goes back to its source. */
    public boolean wanted(@Body JobRecord job) {
        return job.state().result() != null && !job.delivered() && sources.writesBack(job.origin());
    }

    /** Writes the job's result; returns the job, for its delivery to be recorded. */
    public JobRecord write(@Body JobRecord job) throws IOException {
        Optional<Bundle> transaction = results.transaction(job);
        if (transaction.isPresent()) {
            String source = FhirReplyTo.decode(job.origin().replyTo()).source();
            Bundle response = clients.get(source).transaction(transaction.get());
            for (Bundle.BundleEntryComponent entry : response.getEntry()) {
                String status = entry.getResponse().getStatus();
                if (status == null || !status.startsWith("2")) {
                    throw new IOException("FHIR source " + source + " answered an entry of job " + job.id()
                            + "'s results with " + (status == null ? "no status" : status.split(" ")[0]));
                }
            }
            LOG.info("job {}: {} results written back to FHIR source {}", job.id(), transaction.get().getEntry().size(),
                    source);
        }
        usage.record(UsageEvent.call(FhirIntake.CHANNEL, "writeBack", job.origin().subscription(),
                transaction.isPresent() ? "written" : "nothing"));
        return job;
    }

    /** Retries exhausted: counted and logged (the job id, the failure's type); the job stays undelivered. */
    public void failed(Exchange exchange) {
        JobRecord job = exchange.getIn().getBody(JobRecord.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        usage.record(UsageEvent.call(FhirIntake.CHANNEL, "writeBack", job == null ? "unknown" : job.origin().subscription(),
                "failed"));
        LOG.error("job {}: writing results back to the FHIR source failed after all retries ({}); it is tried again"
                + " at the next start", job == null ? "unknown" : job.id(), cause == null ? "unknown" : cause.getClass().getName());
    }
}
