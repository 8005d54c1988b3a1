package org.payengine.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.payengine.adapters.antom.reports.SftpSettings;
import org.payengine.application.usecase.ReconciliationSettings;

/**
 * How this engine reconciles its records with Antom's reports ({@code PAYENGINE_RECONCILIATION_*}).
 *
 * @param settings       the merchant id the reports must name, and the clocks' tolerance
 * @param maxReportBytes the largest report file the merchant API accepts
 * @param fetchAt        when, each day at UTC+8, the workers fetch new reports
 * @param directory      a directory of report files to take, if any
 * @param sftp           Antom's SFTP server, if configured
 */
public record ReconciliationConfiguration(ReconciliationSettings settings, int maxReportBytes, LocalTime fetchAt,
                                          Optional<Path> directory, Optional<SftpSettings> sftp) {

    public static final int DEFAULT_MAX_REPORT_BYTES = 64 << 20;
    public static final LocalTime DEFAULT_FETCH_AT = LocalTime.of(9, 0);

    public ReconciliationConfiguration {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(fetchAt, "fetchAt");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(sftp, "sftp");
    }

    /** Reconciliation without a merchant id: every report is refused, saying what to set. */
    public static ReconciliationConfiguration unconfigured() {
        return new ReconciliationConfiguration(ReconciliationSettings.unconfigured(), DEFAULT_MAX_REPORT_BYTES,
                DEFAULT_FETCH_AT, Optional.empty(), Optional.empty());
    }

    /** For the merchant Antom knows by this id, with the defaults otherwise (no source to fetch from). */
    public static ReconciliationConfiguration forMerchant(String merchantId) {
        return new ReconciliationConfiguration(ReconciliationSettings.forMerchant(merchantId), DEFAULT_MAX_REPORT_BYTES,
                DEFAULT_FETCH_AT, Optional.empty(), Optional.empty());
    }

    /** The same, fetching from this SFTP server too. */
    public ReconciliationConfiguration withSftp(SftpSettings server) {
        return new ReconciliationConfiguration(settings, maxReportBytes, fetchAt, directory, Optional.of(server));
    }

    static ReconciliationConfiguration read(SettingsReader reader) {
        Optional<String> merchantId = reader.text(Setting.RECONCILIATION_MERCHANT_ID);
        Duration tolerance = reader.seconds(Setting.RECONCILIATION_CLOCK_TOLERANCE_SECONDS, Duration.ZERO);
        int maxBytes = reader.integer(Setting.RECONCILIATION_MAX_REPORT_BYTES, 1024, Integer.MAX_VALUE);
        LocalTime fetchAt = DEFAULT_FETCH_AT;
        try {
            fetchAt = LocalTime.parse(reader.textOrDefault(Setting.RECONCILIATION_FETCH_AT));
        } catch (DateTimeParseException e) {
            reader.problem(Setting.RECONCILIATION_FETCH_AT.variable() + ": is not a time of day such as 09:00");
        }
        Optional<Path> directory = reader.text(Setting.RECONCILIATION_DIRECTORY).map(Path::of);
        Optional<SftpSettings> sftp = sftp(reader, merchantId);
        if ((directory.isPresent() || sftp.isPresent()) && merchantId.isEmpty()) {
            reader.problem(Setting.RECONCILIATION_MERCHANT_ID.variable()
                    + ": is not set, and reports are to be fetched; set Antom's merchant id of this merchant");
        }
        return new ReconciliationConfiguration(new ReconciliationSettings(merchantId, tolerance), maxBytes, fetchAt,
                directory, sftp);
    }

    /** Every SFTP setting is read (and checked) whether or not a host is set; the server only with a host. */
    private static Optional<SftpSettings> sftp(SettingsReader reader, Optional<String> merchantId) {
        Optional<String> configuredHost = reader.text(Setting.RECONCILIATION_SFTP_HOST);
        int port = reader.integer(Setting.RECONCILIATION_SFTP_PORT, 1, 65535);
        Optional<String> configuredUser = reader.text(Setting.RECONCILIATION_SFTP_USER);
        Optional<String> password = reader.secretOrFile(Setting.RECONCILIATION_SFTP_PASSWORD,
                Setting.RECONCILIATION_SFTP_PASSWORD_FILE);
        Optional<Path> key = reader.text(Setting.RECONCILIATION_SFTP_PRIVATE_KEY_FILE).map(Path::of);
        Optional<String> configuredHostKey = reader.text(Setting.RECONCILIATION_SFTP_HOST_KEY);
        String root = reader.textOrDefault(Setting.RECONCILIATION_SFTP_ROOT);
        if (configuredHost.isEmpty()) {
            return Optional.empty();
        }
        String host = configuredHost.get();
        String user = reader.required(Setting.RECONCILIATION_SFTP_USER, "Antom's support gives the SFTP user name");
        String hostKey = reader.required(Setting.RECONCILIATION_SFTP_HOST_KEY,
                "the server's host key fingerprint (SHA256:…) keeps the engine from talking to another server");
        if (user == null || hostKey == null || merchantId.isEmpty() || configuredUser.isEmpty()
                || configuredHostKey.isEmpty()) {
            return Optional.empty();
        }
        return reader.attempt("PAYENGINE_RECONCILIATION_SFTP_*", () -> new SftpSettings(host, port, user, password, key,
                hostKey, root, merchantId.get(), SftpSettings.DEFAULT_TIMEOUT));
    }
}
