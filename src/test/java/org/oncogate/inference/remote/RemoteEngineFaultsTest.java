package org.oncogate.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oncogate.inference.InferenceFailedException;
import org.oncogate.inference.InferenceInterruptedException;
import org.oncogate.inference.remote.ScriptedService.Answer;
import org.oncogate.job.ClinicalNoteEvidence;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceEvidence;
import org.oncogate.job.InferenceResult;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.JobError;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobRequest;
import org.oncogate.job.JobState;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * The remote engine against a scripted service that is slow, fails, refuses or talks nonsense.
 * Delays are short (backoff 20 ms doubling to 100 ms, 3 retries, poll cap 100 ms, deadline 5 s) so
 * each case takes well under a second, except those that honour a Retry-After of 1 s, wait for a
 * deadline of 1 s, or time out (read timeout 1 s for them, 3 s otherwise: a loaded machine must not
 * turn a prompt answer into a timeout).
 */
class RemoteEngineFaultsTest {

    private static final String NOTE = PhiCanary.patientLine() + "\nInvasive ductal carcinoma, pT2 pN1a.";
    private static final JobRequest REQUEST = new JobRequest(List.of(new PatientRecord("P-7001", null,
            List.of(new PatientDocument(PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT, "doc-1", "en", null,
                    DocumentContent.inline(NOTE))))), JobConfiguration.DEFAULTS);
    private static final int RETRIES = 3;
    private static final Duration READ = Duration.ofSeconds(3);
    private static final Duration SHORT_READ = Duration.ofSeconds(1);

    private CamelContext camel;
    private ScriptedService service;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        service = new ScriptedService();
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        camel.close();
    }

    @Test
    void aSucceededJobComesBackWithTheServicesInferencesAndModelVersion() throws Exception {
        service.onPost(accepted()).onGet(running().with("Retry-After", "0"), succeeded());
        InferenceResult result = engine(service.baseUrl()).inferJob("job-a", REQUEST);
        assertThat(result.modelVersion()).isEqualTo("remote-model-7");
        assertThat(result.patientResults()).singleElement().satisfies(p -> {
            assertThat(p.patientId()).isEqualTo("P-7001");
            assertThat(p.inferences()).extracting(Inference::value).containsExactly("T2");
        });
        ScriptedService.Request post = service.received("POST").get(0);
        assertThat(post.uri().toString()).as("the jobs path and api-version")
                .isEqualTo(RemoteEndpoint.JOBS_PATH + "?api-version=2023-09-01-preview");
        assertThat(post.header("Ocp-Apim-Subscription-Key")).isEqualTo("remote-key");
        assertThat(post.header("Repeatability-Request-ID")).isEqualTo("oncogate-job-a");
        assertThat(JobJson.readRequest(post.body()).patients().get(0).patientDocuments().get(0).text())
                .as("the document text is sent as submitted").isEqualTo(NOTE);
        assertThat(post.body()).as("absent fields are left out, not sent as null (createdDateTime here)")
                .doesNotContainPattern(":\\s*null");
        assertThat(service.received("GET")).as("polled until final").hasSize(2)
                .allSatisfy(get -> assertThat(get.header("Ocp-Apim-Subscription-Key")).isEqualTo("remote-key"));
    }

    @Test
    void a500IsRetriedUnderTheSameRepeatabilityIdAndThenSucceeds() throws Exception {
        service.onPost(Answer.of(500, ""), Answer.of(503, ""), accepted()).onGet(succeeded());
        assertThat(engine(service.baseUrl()).inferJob("job-b", REQUEST).patientResults()).hasSize(1);
        assertThat(service.received("POST")).hasSize(3)
                .extracting(r -> r.header("Repeatability-Request-ID")).containsOnly("oncogate-job-b");
    }

    @Test
    void a500ForeverFailsTheJobAfterTheRetries() throws Exception {
        service.onPost(Answer.of(500, ""));
        assertFails("job-c", RemoteErrors.UNAVAILABLE, "HTTP 500");
        assertThat(service.received("POST")).as("one call and its retries").hasSize(1 + RETRIES);
    }

    @Test
    void aFailingPollIsRetriedToo() throws Exception {
        service.onPost(accepted()).onGet(Answer.of(502, ""), succeeded());
        assertThat(engine(service.baseUrl()).inferJob("job-d", REQUEST).patientResults()).hasSize(1);
        assertThat(service.received("GET")).hasSize(2);
    }

    @Test
    void aPollThatKeepsFailingFailsTheJobAfterTheEnginesRetriesOnly() throws Exception {
        // Apache HttpClient on its own would retry a GET whose connection closed unanswered
        service.onPost(accepted()).onGet(Answer.hangUp());
        assertFails("job-r", RemoteErrors.UNAVAILABLE, "poll after " + (1 + RETRIES) + " attempts");
        assertThat(service.received("GET")).hasSize(1 + RETRIES);
    }

    @Test
    void unauthorizedFailsTheJobWithoutRetry() throws Exception {
        service.onPost(Answer.of(401, "{\"error\": {\"code\": \"Unauthorized\", \"message\": \"denied\"}}"));
        assertFails("job-e", RemoteErrors.UNAUTHORIZED, "HTTP 401, code Unauthorized");
        assertThat(service.received("POST")).hasSize(1);
    }

    @Test
    void aBadRequestFailsTheJobWithTheServicesCodeButNotItsMessage() throws Exception {
        service.onPost(Answer.of(400, "{\"error\": {\"code\": \"InvalidRequestBody\", \"message\": \"bad value "
                + PhiCanary.MARKER + "\"}}"));
        assertFails("job-f", RemoteErrors.REJECTED, "HTTP 400, code InvalidRequestBody");
        assertThat(service.received("POST")).hasSize(1);
    }

    @Test
    void malformedJsonFailsTheJobWithoutQuotingIt() throws Exception {
        service.onPost(accepted()).onGet(Answer.of(200, "{\"id\": \"job-1\", \"status\": \"succ" + PhiCanary.MARKER));
        assertFails("job-g", RemoteErrors.INVALID, "malformed JSON");
        service.onGet(Answer.of(200, "[\"" + PhiCanary.MARKER + "\"]"));
        assertFails("job-g2", RemoteErrors.INVALID, "another shape");
    }

    @Test
    void a429IsRetriedAfterTheRetryAfterItNames() throws Exception {
        service.onPost(Answer.of(429, "").with("Retry-After", "1"), accepted()).onGet(succeeded());
        assertThat(engine(service.baseUrl()).inferJob("job-h", REQUEST).patientResults()).hasSize(1);
        List<ScriptedService.Request> posts = service.received("POST");
        assertThat(posts).hasSize(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(posts.get(1).nanoTime() - posts.get(0).nanoTime()))
                .as("waited the Retry-After of 1 s, not the 20 ms backoff").isGreaterThanOrEqualTo(950);
    }

    @Test
    void aRetryAfterLongerThanThePollCapIsCapped() throws Exception {
        // the service asks to wait 60 s between polls; the deadline is 5 s, so only the 100 ms cap lets this finish
        service.onPost(accepted().with("Retry-After", "60")).onGet(running().with("Retry-After", "60"), succeeded());
        assertThat(engine(service.baseUrl()).inferJob("job-i", REQUEST).patientResults()).hasSize(1);
        assertThat(service.received("GET")).hasSize(2);
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() throws Exception {
        service.onPost(accepted().after(Duration.ofSeconds(3)), accepted()).onGet(succeeded());
        assertThat(engine(service.baseUrl(), SHORT_READ, Duration.ofSeconds(10)).inferJob("job-j", REQUEST)
                .patientResults()).hasSize(1);
        assertThat(service.received("POST")).as("the first timed out after 1 s").hasSize(2)
                .extracting(r -> r.header("Repeatability-Request-ID")).containsOnly("oncogate-job-j");
    }

    @Test
    void anAlwaysSlowServiceFailsTheJobAfterTheRetries() throws Exception {
        service.onPost(accepted().after(Duration.ofSeconds(2)));
        assertFails(engine(service.baseUrl(), SHORT_READ, Duration.ofSeconds(10)), "job-k", RemoteErrors.UNAVAILABLE,
                "SocketTimeoutException");
        assertThat(service.received("POST")).hasSize(1 + RETRIES);
    }

    @Test
    void aRefusedConnectionIsRetriedAndThenFailsTheJob() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> engine("http://localhost:" + closed).inferJob("job-l", REQUEST))
                .isInstanceOfSatisfying(InferenceFailedException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(RemoteErrors.UNAVAILABLE);
                    assertThat(e.error().message()).contains((1 + RETRIES) + " attempts").contains("Connect");
                });
    }

    @Test
    void aJobThatNeverFinishesFailsAtTheDeadline() throws Exception {
        service.onPost(accepted()).onGet(running());
        RemoteEngine engine = engine(service.baseUrl(), READ, Duration.ofSeconds(1));
        assertThatThrownBy(() -> engine.inferJob("job-m", REQUEST))
                .isInstanceOfSatisfying(InferenceFailedException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(RemoteErrors.DEADLINE);
                    assertThat(e.error().message()).contains("within 1 s");
                });
        assertThat(service.received("GET")).as("polled every 100 ms until the deadline").hasSizeGreaterThan(3);
    }

    @Test
    void aStoppingGatewayLeavesTheJobUnfinishedInsteadOfFailingIt() throws Exception {
        service.onPost(accepted()).onGet(running());
        RemoteEngine engine = engine(service.baseUrl());
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread consumer = new Thread(() -> {
            try {
                engine.inferJob("job-q", REQUEST);
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        consumer.start();
        RunningGateway.await("a first poll", Duration.ofSeconds(5), () -> !service.received("GET").isEmpty());
        consumer.interrupt();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InferenceInterruptedException.class);
    }

    @Test
    void aJobTheServiceFailedFailsWithItsCode() throws Exception {
        JobState failed = JobState.notStarted("job-1", Instant.now(), Instant.now().plusSeconds(3600))
                .failed(JobError.of("ModelError", "the model failed on " + PhiCanary.MARKER, null), Instant.now());
        service.onPost(accepted()).onGet(Answer.of(200, new String(JobJson.write(failed))));
        assertFails("job-n", RemoteErrors.JOB_FAILED, "failed, code ModelError");
    }

    @Test
    void aJobThatVanishesFailsAsNotFound() throws Exception {
        service.onPost(accepted()).onGet(Answer.of(404, "{\"error\": {\"code\": \"NotFound\"}}"));
        assertFails("job-o", RemoteErrors.NOT_FOUND, "HTTP 404");
        assertThat(service.received("GET")).hasSize(1);
    }

    @Test
    void anOperationLocationOnAnotherHostIsNeverPolled() throws Exception {
        service.onPost(accepted().with("Operation-Location", "http://elsewhere.example:9/jobs/1"));
        assertFails("job-p", RemoteErrors.INVALID, "Operation-Location");
        service.onPost(Answer.of(202, running().body()));
        assertFails("job-p2", RemoteErrors.INVALID, "Operation-Location");
        assertThat(service.received("GET")).isEmpty();
    }

    private void assertFails(String jobId, String code, String messagePart) throws Exception {
        assertFails(engine(service.baseUrl()), jobId, code, messagePart);
    }

    private static void assertFails(RemoteEngine engine, String jobId, String code, String messagePart) {
        assertThatThrownBy(() -> engine.inferJob(jobId, REQUEST))
                .isInstanceOfSatisfying(InferenceFailedException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(code);
                    assertThat(e.error().message()).contains(messagePart).doesNotContain(PhiCanary.MARKER);
                    assertThat(e.getMessage()).doesNotContain(PhiCanary.MARKER);
                });
    }

    private RemoteEngine engine(String baseUrl) throws Exception {
        return engine(baseUrl, READ, Duration.ofSeconds(5));
    }

    private RemoteEngine engine(String baseUrl, Duration readTimeout, Duration deadline) throws Exception {
        RemoteEngine engine = new RemoteEngine(camel, new RemoteEndpoint(URI.create(baseUrl),
                RemoteEndpoint.API_VERSION, "remote-key", "eu-west"), new RetryPolicy(Duration.ofSeconds(1),
                readTimeout, RETRIES, Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofMillis(100), deadline));
        camel.start();
        return engine;
    }

    /** The official API's 202: no body, the job's location in a header. */
    private Answer accepted() {
        return Answer.of(202, "").with("Operation-Location", service.jobUrl());
    }

    private static Answer running() {
        return Answer.of(200, body(notStarted().running(Instant.now())));
    }

    private static Answer succeeded() {
        ClinicalNoteEvidence evidence = new ClinicalNoteEvidence("doc-1", "pT2", NOTE.indexOf("pT2"), 3);
        Inference stageT = new Inference(InferenceType.PATHOLOGIC_STAGE_T, "T2", null, 0.9,
                List.of(new InferenceEvidence(evidence, 1.0)), null);
        return Answer.of(200, body(notStarted().succeeded(new InferenceResult(
                List.of(new PatientResult("P-7001", List.of(stageT))), "remote-model-7"), Instant.now())));
    }

    private static JobState notStarted() {
        return JobState.notStarted("job-1", Instant.now(), Instant.now().plusSeconds(3600));
    }

    private static String body(JobState state) {
        return new String(JobJson.write(state), java.nio.charset.StandardCharsets.UTF_8);
    }
}
