package org.payengine.bootstrap.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.payengine.adapters.antom.reports.DirectoryReportSource;
import org.payengine.adapters.antom.reports.SftpReportSource;
import org.payengine.adapters.http.api.ReconciliationApi;
import org.payengine.adapters.http.transport.Json;
import org.payengine.adapters.persistence.Database;
import org.payengine.application.port.ReportFile;
import org.payengine.application.port.ReportSource;
import org.payengine.application.usecase.FetchReports;
import org.payengine.application.usecase.ReconcileReport;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.config.ConfigurationException;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.config.EngineConfiguration;
import org.payengine.bootstrap.wiring.StandaloneComponent;
import org.payengine.domain.Result;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reconcile --file PATH | --sftp | --dir DIR}: checks Antom's reports against the engine's records once, as the
 * daily run does, and prints what it found as JSON (the merchant API's views).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check Antom's reports against the engine's records, once.",
        footerHeading = "%n", footer = {
            "Reads the configuration `serve` reads (the environment, over the --config file), including",
            "PAYENGINE_RECONCILIATION_MERCHANT_ID; --sftp needs PAYENGINE_RECONCILIATION_SFTP_*. A file is checked",
            "once: importing it again answers its first run and changes nothing. Antom's files are never deleted.",
            "Prints the run (--file) or each new file with its run (--sftp, --dir) as JSON. Exit code 0 when",
            "every file was checked, 1 when one was refused (incomplete, malformed, another merchant's) or the",
            "source could not be read, 2 for a configuration problem."})
public final class ReconcileCommand implements Callable<Integer> {

    private final CommandEnvironment environment;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a properties file with the same names as the environment variables")
    Path config;

    /** Exactly one source. */
    static final class Source {
        @Option(names = "--file", paramLabel = "PATH", description = "one report file (CSV) of Antom's")
        Path file;

        @Option(names = "--sftp", description = "the new files on Antom's SFTP server (PAYENGINE_RECONCILIATION_SFTP_*)")
        boolean sftp;

        @Option(names = "--dir", paramLabel = "DIR", description = "the new report files in a directory, at any depth")
        Path directory;
    }

    public ReconcileCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        EngineConfiguration configuration = EngineConfiguration.read(ConfigurationValues.from(environment.variables(),
                config));
        if (source.sftp && configuration.reconciliation().sftp().isEmpty()) {
            throw new ConfigurationException(List.of("PAYENGINE_RECONCILIATION_SFTP_HOST: is not set; --sftp needs "
                    + "Antom's SFTP server (and PAYENGINE_RECONCILIATION_SFTP_USER, _PASSWORD or _PRIVATE_KEY_FILE, "
                    + "_HOST_KEY)"));
        }
        StandaloneComponent engine = StandaloneEngine.wire(configuration, StandaloneEngine.eventSinkFor(configuration));
        try (Database database = engine.database()) {
            if (configuration.migrateOnStart()) {
                database.migrateUnlessCurrent();
            }
            if (source.file != null) {
                return checkFile(engine.reconcileReport());
            }
            ReportSource reportSource = source.sftp ? new SftpReportSource(configuration.reconciliation().sftp().get())
                    : new DirectoryReportSource(source.directory);
            return fetch(engine.fetchReports(), reportSource);
        }
    }

    private int checkFile(ReconcileReport reconcile) throws IOException {
        Path path = source.file.toAbsolutePath();
        byte[] content = Files.readAllBytes(path);
        Result<ReconcileReport.Reconciled> result = reconcile.reconcile(
                new ReportFile(path.getFileName().toString(), content), "file:" + path);
        if (!result.isAccepted()) {
            environment.out().println(error(result.rejection().code(), result.rejection().message()));
            return ExitCode.FAILED;
        }
        environment.out().println(json(ReconciliationApi.RunView.of(result.value().run())));
        return ExitCode.OK;
    }

    private int fetch(FetchReports fetchReports, ReportSource reportSource) {
        List<FetchReports.Fetched> fetched;
        try {
            fetched = fetchReports.fetchNew(reportSource);
        } catch (RuntimeException unreachable) {
            environment.out().println(error("REPORT_SOURCE_UNAVAILABLE", unreachable.getMessage()));
            return ExitCode.FAILED;
        }
        List<FileView> files = fetched.stream().map(file -> new FileView(file.file().path(), file.outcome().name(),
                file.message(), file.run() == null ? null : ReconciliationApi.RunView.of(file.run()))).toList();
        environment.out().println(json(java.util.Map.of("source", reportSource.name(), "files", files)));
        boolean refused = fetched.stream().anyMatch(file -> file.outcome() == FetchReports.Outcome.REFUSED);
        return refused ? ExitCode.FAILED : ExitCode.OK;
    }

    /** One file taken from a source: what became of it, and its run. */
    record FileView(String path, String outcome, String message, ReconciliationApi.RunView run) {
    }

    private static String json(Object view) {
        return new String(Json.bytes(view), StandardCharsets.UTF_8);
    }

    private static String error(String code, String message) {
        return json(java.util.Map.of("error", java.util.Map.of("code", code, "message", message)));
    }
}
