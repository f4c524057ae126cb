package org.oncogate.intake.inbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.oncogate.subscription.Subscription;
import org.oncogate.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves alone the inbox folders of subscriptions bound to another region: their files are never
 * read, so not a byte of them is stored in this region. The operator is told once per folder.
 */
public final class InboxRegionFilter implements GenericFileFilter<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRegionFilter.class);

    private final Subscriptions subscriptions;
    private final String region;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public InboxRegionFilter(Subscriptions subscriptions, String region) {
        this.subscriptions = subscriptions;
        this.region = region;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
        }
        String subscription = InboxFile.of(file.getRelativeFilePath()).subscription();
        boolean foreign = subscriptions.find(subscription).map(Subscription::region)
                .filter(r -> !r.equals(region)).isPresent();
        if (foreign && warned.add(subscription)) {
            LOG.warn("inbox folder of subscription {} left untouched: it is bound to another region than {}",
                    subscription, region);
        }
        return !foreign;
    }
}
