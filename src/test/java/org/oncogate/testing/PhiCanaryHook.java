package org.oncogate.testing;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.AfterContainerHook;
import net.jqwik.api.lifecycle.BeforeContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;

/**
 * {@link PhiCanaryGuard} for jqwik's property classes (the *Fuzz harnesses), registered for all of
 * them through META-INF/services: what a class wrote to the run's log must not hold the PHI canary.
 */
public final class PhiCanaryHook implements BeforeContainerHook, AfterContainerHook {

    private static final Map<String, Long> STARTS = new ConcurrentHashMap<>();

    /** Registered once for the engine, it reaches every class below it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return element.filter(Class.class::isInstance).isPresent();
    }

    @Override
    public void beforeContainer(ContainerLifecycleContext context) throws IOException {
        STARTS.put(context.label(), TestLog.mark());
    }

    @Override
    public void afterContainer(ContainerLifecycleContext context) throws IOException {
        PhiCanaryScan.assertLogClean(context.label(), STARTS.getOrDefault(context.label(), 0L));
    }
}
