package org.oncogate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.inference.remote.RemoteEndpoint;
import org.oncogate.inference.remote.RemoteEngine;
import org.oncogate.inference.remote.RetryPolicy;
import org.oncogate.audit.BreakGlassTally;
import org.oncogate.inference.rules.RulesEngine;
import org.oncogate.intake.api.JobApi;
import org.oncogate.intake.api.OpenApiDocuments;
import org.oncogate.job.ClinicalTypeTable;
import org.oncogate.intake.fhir.FhirDocumentMapper;
import org.oncogate.intake.fhir.FhirIntake;
import org.oncogate.intake.fhir.FhirParsing;
import org.oncogate.intake.fhir.FhirSourceClient;
import org.oncogate.intake.fhir.FhirSources;
import org.oncogate.intake.fhir.FhirWriteBack;
import org.oncogate.intake.hl7.Hl7Intake;
import org.oncogate.intake.hl7.Hl7Parsing;
import org.oncogate.intake.hl7.Hl7Reader;
import org.oncogate.intake.hl7.Hl7Results;
import org.oncogate.intake.hl7.Hl7ReportMapper;
import org.oncogate.intake.hl7.Hl7Senders;
import org.oncogate.intake.hl7.Hl7Tls;
import org.oncogate.intake.http.HttpConnectionLimits;
import org.oncogate.intake.inbox.InboxIntake;
import org.oncogate.intake.inbox.InboxRegionFilter;
import org.oncogate.intake.inbox.Outbox;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.InferenceQueue;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobLimits;
import org.oncogate.job.JobOrigin;
import org.oncogate.job.JobService;
import org.oncogate.job.JobValidator;
import org.oncogate.job.Quarantine;
import org.oncogate.retention.Purge;
import org.oncogate.retention.PurgeMetrics;
import org.oncogate.store.RegionalStore;
import org.oncogate.subscription.Subscriptions;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageLedger;
import org.oncogate.usage.UsageReport;

/**
 * The one place where the gateway's beans are made, in dependency order, each from its own
 * configuration keys. The routes under routes/ refer to them by name. A clock bound as
 * {@code clock} before start-up (tests do) replaces the system clock.
 */
public class OncogateConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Config config = new Config(context.getPropertiesComponent());
        Clock clock = registry.lookupByNameAndType("clock", Clock.class);
        if (clock == null) {
            clock = Clock.systemUTC();
            registry.bind("clock", clock);
        }
        Storage storage = storage(context, config, clock);
        Path dataDir = storage.dataDir();
        String region = storage.region();
        RegionalStore store = storage.store();
        BreakGlassTally breakGlass = new BreakGlassTally(storage.audit());
        UsageCounters usage = usage(registry, config, dataDir, region, clock, breakGlass);
        watch(registry, config, usage, storage, breakGlass, clock);
        Subscriptions subscriptions = Subscriptions.fromConfiguration(config.get("oncogate.subscriptions"),
                config::find, System::getenv);
        registry.bind("subscriptions", subscriptions);
        FhirSources fhirSources = FhirSources.fromConfiguration(config.find("oncogate.fhir.sources"), config::find,
                System::getenv);
        JobService jobs = new JobService(store, validator(config), inferenceEngine(context, config, region), usage,
                servedOnRead(config, fhirSources));
        registry.bind("jobService", jobs);
        registry.bind("inferenceQueue", new InferenceQueue(context));

        Hl7Reader hl7 = new Hl7Reader(Hl7Parsing.create(),
                new Hl7ReportMapper(ClinicalTypeTable.load(), config.clinicalType("oncogate.hl7.default-clinical-type")));
        hl7Channel(context, config, hl7, subscriptions, jobs, usage, region);
        registry.bind("inboxIntake", new InboxIntake(jobs, hl7, subscriptions, new Quarantine(store),
                new Outbox(dataDir.resolve("outbox"), clock), usage, new InboxIntake.InboxSettings(
                        config.getLong("oncogate.inbox.max-file-size"),
                        config.clinicalType("oncogate.inbox.default-clinical-type"),
                        config.rateLimit("oncogate.inbox"))));
        registry.bind("inboxRegionFilter", new InboxRegionFilter(subscriptions, region));
        registry.bind("jobApi", new JobApi(jobs, subscriptions, usage, region,
                config.getLong("oncogate.api.max-body-size"), config.rateLimit("oncogate.api")));
        registry.bind("openApiDocuments", new OpenApiDocuments());
        fhirChannel(context, config, fhirSources, subscriptions, jobs, usage, region, clock);
        HttpConnectionLimits.install(context, config.getInt("camel.server.port"), new HttpConnectionLimits.Settings(config.getInt("oncogate.http.max-connections"),
                config.duration("oncogate.http.read-timeout"), config.duration("oncogate.http.idle-timeout")), usage);
    }

    /** The FHIR channel: one FhirContext, the configured sources, intake and write-back. */
    private static void fhirChannel(CamelContext context, Config config, FhirSources sources, Subscriptions subscriptions,
                                    JobService jobs, UsageCounters usage, String region, Clock clock) {
        Registry registry = context.getRegistry();
        FhirParsing parsing = new FhirParsing();
        registry.bind("fhirContext", parsing.context());
        Map<String, FhirSourceClient> clients = sources.clients(context.createProducerTemplate(), subscriptions);
        registry.bind("fhirIntake", new FhirIntake(parsing,
                new FhirDocumentMapper(ClinicalTypeTable.load(), config.clinicalType("oncogate.fhir.default-clinical-type")),
                sources, clients, subscriptions, jobs, usage, region,
                new FhirIntake.Settings(config.get("oncogate.fhir.path"), config.get("oncogate.fhir.secret-header"),
                        config.getLong("oncogate.fhir.max-body-size"),
                        Duration.parse(config.get("oncogate.fhir.ping-lookback")), config.rateLimit("oncogate.fhir")), clock));
        registry.bind("fhirWriteBack", new FhirWriteBack(sources, clients, usage));
    }

    /** The regional encrypted store, its purge, and the audit log of both. */
    private static Storage storage(CamelContext context, Config config, Clock clock) {
        Storage storage = Storage.open(config, clock);
        storage.store().checkKeysets();
        Registry registry = context.getRegistry();
        registry.bind("regionalStore", storage.store());
        registry.bind("purge", new Purge(storage.store(), storage.keys(), storage.dataDir().resolve("outbox")));
        registry.bind("gatewayAudit", storage.gatewayAudit());
        context.addLifecycleStrategy(storage.gatewayAudit());
        return storage;
    }

    /** Usage counters (scraped at /observe/metrics) and the hourly report, with the hour's break-glass attempts. */
    private static UsageCounters usage(Registry registry, Config config, Path dataDir, String region, Clock clock,
                                       BreakGlassTally breakGlass) {
        String resource = config.get("oncogate.resource");
        UsageLedger ledger = new UsageLedger();
        UsageCounters usage = new UsageCounters(meterRegistry(registry), resource, region, ledger, clock);
        registry.bind("usageCounters", usage);
        registry.bind("usageReport", new UsageReport(ledger, dataDir.resolve("usage"), resource, region, clock,
                breakGlass::between));
        return usage;
    }

    /** The engine {@code oncogate.inference.engine} names; a remote one must serve this instance's region. */
    private static InferenceEngine inferenceEngine(CamelContext context, Config config, String region) {
        String engine = config.get("oncogate.inference.engine");
        return switch (engine) {
            case "rules" -> new RulesEngine();
            case "remote" -> {
                RemoteEndpoint remote = remoteEndpoint(config);
                remote.requireRegion(region);
                yield new RemoteEngine(context, remote, new RetryPolicy(
                        config.duration("oncogate.inference.remote.connect-timeout"),
                        config.duration("oncogate.inference.remote.read-timeout"),
                        config.getInt("oncogate.inference.remote.retries"),
                        config.duration("oncogate.inference.remote.backoff"),
                        config.duration("oncogate.inference.remote.max-backoff"),
                        config.duration("oncogate.inference.remote.poll-cap"),
                        config.duration("oncogate.inference.remote.deadline")));
            }
            default -> throw new IllegalArgumentException("oncogate.inference.engine must be rules or remote");
        };
    }

    private static RemoteEndpoint remoteEndpoint(Config config) {
        String keyEnv = config.get("oncogate.inference.remote.key-env");
        String key = System.getenv(keyEnv);
        if (key == null || key.isEmpty()) {
            throw new IllegalStateException("oncogate.inference.remote.key-env names environment variable " + keyEnv
                    + ", which is not set: the remote inference service needs its subscription key");
        }
        return new RemoteEndpoint(URI.create(config.get("oncogate.inference.remote.base-url")),
                config.get("oncogate.inference.remote.api-version"), key, config.find("oncogate.inference.remote.region"));
    }

    /** What operators watch besides usage: purge runs, break-glass attempts (from the audit log), the oldest stored data. */
    private static void watch(Registry registry, Config config, UsageCounters usage, Storage storage,
                              BreakGlassTally breakGlass, Clock clock) {
        registry.bind("purgeMetrics", new PurgeMetrics(meterRegistry(registry), config.get("oncogate.resource"),
                storage.region()));
        for (String outcome : BreakGlassTally.OUTCOMES) {
            usage.countFrom("oncogate.breakglass.attempts", "break-glass attempts in the audit log, by outcome",
                    outcome, () -> breakGlass.count(outcome));
        }
        RegionalStore store = storage.store();
        usage.gauge("oncogate.store.oldest.age", "age of the oldest time bucket still on disk (0 when empty)", "seconds",
                () -> store.bucketsOnDisk().stream().findFirst()
                        .map(b -> (double) Duration.between(b.start(), clock.instant()).toSeconds()).orElse(0.0));
    }

    /** The hosted service's request rules, each from its oncogate.limits.* key. */
    private static JobValidator validator(Config config) {
        return new JobValidator(new JobLimits(
                config.getInt("oncogate.limits.max-characters-per-patient"), config.getInt("oncogate.limits.max-patients"),
                JobLimits.parse("oncogate.limits.clinical-types", config.get("oncogate.limits.clinical-types"),
                        ClinicalType::find),
                JobLimits.parse("oncogate.limits.inference-types", config.get("oncogate.limits.inference-types"),
                        InferenceType::find)));
    }

    /**
     * The jobs whose clients read results through the job API instead of being sent them: the job
     * API's own, HL7 ones when no results receiver is configured, FHIR ones of a source without write-back.
     */
    private static Predicate<JobOrigin> servedOnRead(Config config, FhirSources fhirSources) {
        boolean hl7Results = config.find("oncogate.hl7.results.uri") != null;
        return origin -> switch (origin.channel()) {
            case JobApi.CHANNEL -> true;
            case Hl7Intake.CHANNEL -> !hl7Results;
            case FhirIntake.CHANNEL -> !fhirSources.writesBack(origin);
            default -> false;
        };
    }

    /** The MLLP channel: intake, optional TLS, results sent back. */
    private static void hl7Channel(CamelContext context, Config config, Hl7Reader hl7, Subscriptions subscriptions,
                                   JobService jobs, UsageCounters usage, String region) {
        Registry registry = context.getRegistry();
        registry.bind("hl7Results", new Hl7Results(hl7.parsing(), region));
        Hl7Tls.parameters(config.find("oncogate.hl7.tls.key-store"), config.find("oncogate.hl7.tls.key-store-password"),
                        config.find("oncogate.hl7.tls.trust-store"), config.find("oncogate.hl7.tls.trust-store-password"))
                .ifPresent(tls -> useTls(context.getComponent("mllp", MllpComponent.class), tls));
        registry.bind("hl7Intake", new Hl7Intake(hl7, Hl7Senders.parse(config.get("oncogate.hl7.senders")),
                subscriptions, jobs, usage, region, config.getInt("oncogate.hl7.max-message-size"),
                config.rateLimit("oncogate.hl7")));
    }

    /** The MLLP listener speaks TLS with these parameters. */
    private static void useTls(MllpComponent mllp, SSLContextParameters tls) {
        MllpConfiguration configuration = mllp.hasConfiguration() ? mllp.getConfiguration() : new MllpConfiguration();
        configuration.setSslContextParameters(tls);
        mllp.setConfiguration(configuration);
    }

    /** The Prometheus registry that camel-micrometer-prometheus scrapes, whichever of us makes it first. */
    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry existing = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (existing != null) {
            return existing;
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, created);
        return created;
    }
}
