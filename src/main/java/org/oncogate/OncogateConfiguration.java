package org.oncogate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.component.mllp.MllpConfiguration;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.oncogate.inference.rules.RulesEngine;
import org.oncogate.intake.api.JobApi;
import org.oncogate.intake.api.OpenApiDocuments;
import org.oncogate.intake.hl7.ClinicalTypeTable;
import org.oncogate.intake.hl7.Hl7Intake;
import org.oncogate.intake.hl7.Hl7Parsing;
import org.oncogate.intake.hl7.Hl7Reader;
import org.oncogate.intake.hl7.Hl7Results;
import org.oncogate.intake.hl7.Hl7ReportMapper;
import org.oncogate.intake.hl7.Hl7Senders;
import org.oncogate.intake.hl7.Hl7Tls;
import org.oncogate.intake.inbox.InboxIntake;
import org.oncogate.intake.inbox.InboxRegionFilter;
import org.oncogate.intake.inbox.Outbox;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobLimits;
import org.oncogate.job.JobService;
import org.oncogate.job.JobValidator;
import org.oncogate.job.Quarantine;
import org.oncogate.retention.Purge;
import org.oncogate.store.BucketKeys;
import org.oncogate.store.KekSource;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.RetentionPolicy;
import org.oncogate.subscription.RequestRateLimit;
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
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        Config config = new Config(context);
        Clock clock = registry.lookupByNameAndType("clock", Clock.class);
        if (clock == null) {
            clock = Clock.systemUTC();
            registry.bind("clock", clock);
        }
        Path dataDir = Path.of(config.get("oncogate.data-dir"));
        String region = config.get("oncogate.region");

        RegionalStore store = store(registry, config, dataDir, region, clock);
        UsageCounters usage = usage(registry, config, dataDir, region, clock);
        Subscriptions subscriptions = Subscriptions.fromConfiguration(config.get("oncogate.subscriptions"),
                config::find, System::getenv);
        registry.bind("subscriptions", subscriptions);
        JobService jobs = new JobService(store, validator(config), new RulesEngine(), usage);
        registry.bind("jobService", jobs);

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
    }

    /** The regional encrypted store and its purge. */
    private static RegionalStore store(Registry registry, Config config, Path dataDir, String region, Clock clock) {
        RetentionPolicy retention = new RetentionPolicy(Duration.parse(config.get("oncogate.retention")),
                Duration.parse(config.get("oncogate.store.bucket-width")));
        KekSource kek = KekSource.fromSpec(config.get("oncogate.kek"), Path.of(config.get("oncogate.kek.dev-dir")), dataDir);
        Path storeRoot = dataDir.resolve("store");
        BucketKeys keys = new BucketKeys(storeRoot.resolve(region), kek);
        RegionalStore store = new RegionalStore(storeRoot, region, keys, retention, clock);
        registry.bind("regionalStore", store);
        registry.bind("purge", new Purge(store, keys, dataDir.resolve("outbox")));
        return store;
    }

    /** Usage counters (scraped at /observe/metrics) and the hourly report. */
    private static UsageCounters usage(Registry registry, Config config, Path dataDir, String region, Clock clock) {
        String resource = config.get("oncogate.resource");
        UsageLedger ledger = new UsageLedger();
        UsageCounters usage = new UsageCounters(meterRegistry(registry), resource, region, ledger, clock);
        registry.bind("usageCounters", usage);
        registry.bind("usageReport", new UsageReport(ledger, dataDir.resolve("usage"), resource, region, clock));
        return usage;
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

    /** Reads configuration keys through Camel's properties (files, -D, environment). */
    private record Config(CamelContext context) {

        String find(String key) {
            return context.getPropertiesComponent().resolveProperty(key).filter(v -> !v.isBlank()).orElse(null);
        }

        String get(String key) {
            String value = find(key);
            if (value == null) {
                throw new IllegalStateException("configuration key " + key + " is not set");
            }
            return value.trim();
        }

        int getInt(String key) {
            return Integer.parseInt(get(key));
        }

        long getLong(String key) {
            return Long.parseLong(get(key));
        }

        /** A channel's requests per subscription, from {@code <prefix>.rate-limit} per {@code <prefix>.rate-limit-period}. */
        RequestRateLimit rateLimit(String prefix) {
            return new RequestRateLimit(prefix, getInt(prefix + ".rate-limit"),
                    Duration.parse(get(prefix + ".rate-limit-period")), System::nanoTime);
        }

        ClinicalType clinicalType(String key) {
            return ClinicalType.find(get(key))
                    .orElseThrow(() -> new IllegalArgumentException(key + " is not a clinical type of the API"));
        }
    }
}
