package org.payengine.bootstrap.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.usecase.ReconciliationSettings;

/**
 * How this engine reconciles its records with Antom's reports ({@code PAYENGINE_RECONCILIATION_*}).
 *
 * @param settings       the merchant id the reports must name, and the clocks' tolerance
 * @param maxReportBytes the largest report file the merchant API accepts
 */
public record ReconciliationConfiguration(ReconciliationSettings settings, int maxReportBytes) {

    public static final int DEFAULT_MAX_REPORT_BYTES = 64 << 20;

    public ReconciliationConfiguration {
        Objects.requireNonNull(settings, "settings");
    }

    /** Reconciliation without a merchant id: every report is refused, saying what to set. */
    public static ReconciliationConfiguration unconfigured() {
        return new ReconciliationConfiguration(ReconciliationSettings.unconfigured(), DEFAULT_MAX_REPORT_BYTES);
    }

    /** For the merchant Antom knows by this id, with the defaults otherwise. */
    public static ReconciliationConfiguration forMerchant(String merchantId) {
        return new ReconciliationConfiguration(ReconciliationSettings.forMerchant(merchantId), DEFAULT_MAX_REPORT_BYTES);
    }

    static ReconciliationConfiguration read(SettingsReader reader) {
        Optional<String> merchantId = reader.text(Setting.RECONCILIATION_MERCHANT_ID);
        Duration tolerance = reader.seconds(Setting.RECONCILIATION_CLOCK_TOLERANCE_SECONDS, Duration.ZERO);
        int maxBytes = reader.integer(Setting.RECONCILIATION_MAX_REPORT_BYTES, 1024, Integer.MAX_VALUE);
        return new ReconciliationConfiguration(new ReconciliationSettings(merchantId, tolerance), maxBytes);
    }
}
