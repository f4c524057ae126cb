package org.oncogate.intake.inbox;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.oncogate.subscription.RateLimitExceededException;
import org.oncogate.subscription.RequestRateLimit;
import org.oncogate.subscription.Subscription;
import org.oncogate.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which inbox files are taken now. The folders of subscriptions bound to another region are left
 * alone for good: their files are never read, so not a byte of them is stored in this region. A
 * subscription over its file rate has the rest of its files left where they are for a later poll.
 * The operator is told once per folder, and once each time a subscription starts being throttled.
 * Files of unknown folders are taken, to be refused with a report.
 */
public final class InboxAdmission implements GenericFileFilter<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxAdmission.class);

    private final Subscriptions subscriptions;
    private final String region;
    private final RequestRateLimit rate;
    private final Set<String> warnedForeign = ConcurrentHashMap.newKeySet();
    private final Set<String> throttled = ConcurrentHashMap.newKeySet();

    public InboxAdmission(Subscriptions subscriptions, String region, RequestRateLimit rate) {
        this.subscriptions = subscriptions;
        this.region = region;
        this.rate = rate;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
        }
        Optional<Subscription> subscription = subscriptions.find(InboxFile.of(file.getRelativeFilePath()).subscription());
        if (subscription.isEmpty()) {
            return true;
        }
        String name = subscription.get().name();
        if (!subscription.get().region().equals(region)) {
            if (warnedForeign.add(name)) {
                LOG.warn("inbox folder of subscription {} left untouched: it is bound to another region than {}",
                        name, region);
            }
            return false;
        }
        try {
            rate.admit(subscription.get());
        } catch (RateLimitExceededException e) {
            if (throttled.add(name)) {
                LOG.warn("inbox of subscription {}: over its file rate, files left for a later poll (next in {} s)",
                        name, e.retryAfterSeconds());
            }
            return false;
        }
        throttled.remove(name);
        return true;
    }
}
