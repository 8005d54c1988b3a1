package org.payengine.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's figures (memory, garbage collection, threads, classes, CPU, uptime) for the standalone engine's
 * {@code /metrics}. An embedded engine leaves them to its host, whose process they describe.
 */
public final class JvmFigures implements AutoCloseable {

    private final JvmGcMetrics garbageCollection;

    private JvmFigures(JvmGcMetrics garbageCollection) {
        this.garbageCollection = garbageCollection;
    }

    public static JvmFigures register(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics garbageCollection = new JvmGcMetrics();
        garbageCollection.bindTo(registry);
        return new JvmFigures(garbageCollection);
    }

    /** Stops listening to the garbage collector. */
    @Override
    public void close() {
        garbageCollection.close();
    }
}
