package org.oncogate.job;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Puts accepted jobs on the inference route's queue, each as a new exchange that holds only the job's
 * id. Sending the channel's own exchange there would queue a copy of it, and a copy made on an HTTP
 * channel (platform-http) keeps the HTTP request, its response and the original exchange reachable,
 * some kilobytes per job for as long as the job waits: up to the queue's 10,000 jobs by default. The
 * queue blocks when full (camel.component.seda.default-block-when-full), so the channel waits, as before.
 */
public final class InferenceQueue {

    /** The inference route's queue; the caller never waits for inference itself. */
    private static final String ENDPOINT = "seda:inference?waitForTaskToComplete=Never";

    private final ProducerTemplate template;

    public InferenceQueue(CamelContext context) {
        this.template = context.createProducerTemplate();
    }

    /** Queues one job for inference; returns once it is queued. */
    public void offer(String jobId) {
        template.sendBody(ENDPOINT, jobId);
    }

    /** Queues every job of {@code jobIds}, in order. */
    public void offerAll(List<String> jobIds) {
        jobIds.forEach(this::offer);
    }
}
