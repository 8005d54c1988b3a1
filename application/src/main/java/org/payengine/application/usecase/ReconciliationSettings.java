package org.payengine.application.usecase;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How reconciliation checks the engine's books against Antom's reports.
 *
 * @param merchantId     the merchant id Antom gave this merchant (the reports' {@code customerId}): a report of any
 *                       other merchant is refused; empty when not configured (then every report is refused, saying so)
 * @param clockTolerance how far Antom's clock and the engine's may disagree about when a transaction was made: a
 *                       transaction report's day is final only this long after the day ended (UTC+8), and the
 *                       engine's successes are checked against the day shifted by it, so one made just before
 *                       midnight is looked for in the next day's report too
 */
public record ReconciliationSettings(Optional<String> merchantId, Duration clockTolerance) {

    public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMinutes(10);

    public ReconciliationSettings {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        if (clockTolerance.isNegative()) {
            throw new IllegalArgumentException("clockTolerance must not be negative, was " + clockTolerance);
        }
    }

    public static ReconciliationSettings forMerchant(String merchantId) {
        return new ReconciliationSettings(Optional.of(merchantId), DEFAULT_CLOCK_TOLERANCE);
    }

    public static ReconciliationSettings unconfigured() {
        return new ReconciliationSettings(Optional.empty(), DEFAULT_CLOCK_TOLERANCE);
    }
}
