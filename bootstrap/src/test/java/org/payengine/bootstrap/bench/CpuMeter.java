package org.payengine.bootstrap.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.payengine.bootstrap.testing.RunningJar;

/**
 * The CPU time the engine process and this process (the driver, with the embedded simulator) spend in a measured
 * window. Handed to {@code Measurement.run} as its counter, which reads it once as the window opens and once after
 * it closed: each read marks both processes, and the last two marks give the window's share.
 */
final class CpuMeter implements LongSupplier {

    private final RunningJar engine;
    private final OperatingSystemMXBean driver =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long[] previous = {0, 0};
    private long[] last = {0, 0};

    CpuMeter(RunningJar engine) {
        this.engine = engine;
    }

    /** Marks both processes' CPU time; returns the engine's, in nanoseconds. */
    @Override
    public synchronized long getAsLong() {
        previous = last;
        last = new long[]{engine.cpuTime().map(Duration::toNanos).orElse(0L), driver.getProcessCpuTime()};
        return last[0];
    }

    /** The engine's CPU time between the last two marks, in milliseconds per operation. */
    synchronized double engineMillisPer(long operations) {
        return operations == 0 ? 0 : (last[0] - previous[0]) / 1e6 / operations;
    }

    /** This process's CPU time between the last two marks, in milliseconds per operation. */
    synchronized double driverMillisPer(long operations) {
        return operations == 0 ? 0 : (last[1] - previous[1]) / 1e6 / operations;
    }
}
