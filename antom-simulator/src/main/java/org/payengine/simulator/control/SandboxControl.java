package org.payengine.simulator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payengine.simulator.clock.Scheduler;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.Faults;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.CardEntry;
import org.payengine.simulator.payments.Checkout;
import org.payengine.simulator.payments.PaymentView;
import org.payengine.simulator.traffic.CallStats;
import org.payengine.simulator.traffic.Traffic;

/** What the control API offers, for Java callers and for {@link ControlApi} alike. */
public final class SandboxControl {

    private final Acquirer acquirer;
    private final Checkout checkout;
    private final Scheduler scheduler;
    private final Faults faults;
    private final Traffic traffic;

    public SandboxControl(Acquirer acquirer, Checkout checkout, Scheduler scheduler, Faults faults, Traffic traffic) {
        this.acquirer = acquirer;
        this.checkout = checkout;
        this.scheduler = scheduler;
        this.faults = faults;
        this.traffic = traffic;
    }

    /**
     * The buyer pays on the hosted page with this card; a 3DS challenge or Korean issuer
     * authentication, if any, is passed (except with the card whose challenge always fails).
     *
     * @throws org.payengine.simulator.payments.CheckoutRefused when the payment cannot be paid
     *         any more, or the card input is not acceptable
     * @throws IllegalArgumentException when there is no such payment
     */
    public PaymentView complete(String paymentId, CardEntry card) {
        if (acquirer.payment(paymentId).isEmpty()) {
            throw new IllegalArgumentException("there is no payment " + paymentId);
        }
        checkout.complete(paymentId, card);
        return view(paymentId).orElseThrow();
    }

    public Optional<PaymentView> view(String paymentId) {
        return acquirer.payment(paymentId).map(PaymentView::of);
    }

    /** Moves the simulated clock forward, firing everything that falls due on the way. */
    public Instant advance(Duration by) {
        return scheduler.advance(by);
    }

    public Instant now() {
        return scheduler.clock().now();
    }

    /** Waits (real time) until no scheduled work is due or running, e.g. a notification in flight. */
    public boolean awaitIdle(Duration timeout) {
        return scheduler.awaitIdle(timeout);
    }

    public void inject(Fault fault) {
        faults.arm(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<Fault> armedFaults() {
        return faults.armed();
    }

    /** The calls received per API since the start (or the last reset), and how many were rate-limited. */
    public CallStats.Snapshot stats() {
        return traffic.stats().snapshot();
    }

    public void resetStats() {
        traffic.stats().reset();
    }

    /** Limits every client to {@code perSecond} calls a second of {@code api}; answered {@code REQUEST_TRAFFIC_EXCEED_LIMIT}. */
    public void limit(String api, double perSecond) {
        traffic.limits().set(api, perSecond);
    }

    public void removeLimit(String api) {
        traffic.limits().remove(api);
    }

    public void clearLimits() {
        traffic.limits().clear();
    }

    public Map<String, Double> limits() {
        return traffic.limits().limits();
    }

    /** Holds the answers of {@code api} for {@code latency} (real time); zero removes it. */
    public void latency(String api, Duration latency) {
        traffic.latencies().set(api, latency);
    }

    public void clearLatencies() {
        traffic.latencies().clear();
    }

    public Map<String, Duration> latencies() {
        return traffic.latencies().all();
    }
}
