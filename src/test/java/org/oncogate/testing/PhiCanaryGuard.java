package org.oncogate.testing;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every Jupiter test class (junit-platform.properties): what the class wrote to the
 * run's log file must not contain the PHI canary. {@link PhiCanaryHook} does the same for jqwik.
 */
public final class PhiCanaryGuard implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PhiCanaryGuard.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        context.getStore(NAMESPACE).put("start", TestLog.mark());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        PhiCanaryScan.assertLogClean(context.getDisplayName(), context.getStore(NAMESPACE).getOrDefault("start", Long.class, 0L));
    }
}
