package org.oncogate.inference.remote;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.job.InferenceResult;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.JobRequest;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;

/**
 * Inference by an Onco-Phenotype-compatible service in the same region
 * ({@code oncogate.inference.engine=remote}): each job is sent whole, as one remote job, and its
 * result is taken as the service made it, with the service's model version. Synchronous: the
 * inference route's consumer threads wait for it.
 */
public final class RemoteEngine implements InferenceEngine {

    private final RemoteEndpoint remote;
    private final RetryPolicy policy;
    private final RemoteHttp http;
    // waits and deadlines are real time, whatever clock the gateway's store runs on
    private final Clock clock = Clock.systemUTC();

    public RemoteEngine(CamelContext context, RemoteEndpoint remote, RetryPolicy policy) {
        this.remote = remote;
        this.policy = policy;
        this.http = new RemoteHttp(context, remote, policy);
    }

    /** One job, submitted under a repeatability id derived from the job id (a retry or a rerun finds it). */
    @Override
    public InferenceResult inferJob(String jobId, JobRequest request) {
        return new RemoteJob(remote, policy, http, clock, jobId).run(request);
    }

    /** A single patient outside any job, as a job of its own. */
    @Override
    public PatientResult infer(PatientRecord patient, JobConfiguration configuration) {
        List<PatientResult> results = inferJob(UUID.randomUUID().toString(),
                new JobRequest(List.of(patient), configuration)).patientResults();
        return results.stream().filter(r -> Objects.equals(r.patientId(), patient.id())).findFirst()
                .orElse(new PatientResult(patient.id(), List.of()));
    }

    /** Results carry the service's own model version; this names the service. */
    @Override
    public String modelVersion() {
        return "remote:" + remote.baseUrl();
    }
}
