package org.payengine.bootstrap.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.config.ConfigurationException;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.config.EngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the engine alone, configured by the environment and an optional properties file. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The engine alone, configured by environment variables or --config FILE.",
        footerHeading = "%n", footer = {
            "Runs the engine: the merchant API, Antom's notification endpoint, /health and /metrics, and the",
            "background workers (unless PAYENGINE_WORKERS=false). Settings come from PAYENGINE_* environment",
            "variables, over the properties file given with --config (same names). Secrets (API keys, the",
            "merchant's private key, the database password) are never taken from the command line.",
            "",
            "Required: PAYENGINE_API_KEYS, PAYENGINE_ANTOM_ENDPOINT, PAYENGINE_ANTOM_CLIENT_ID,",
            "PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY[_FILE], PAYENGINE_ANTOM_PUBLIC_KEY[_FILE], and",
            "PAYENGINE_PUBLIC_URL when the endpoint is one of Antom's regions (ASIA, EUROPE, ...). The database",
            "defaults to an H2 file under ./data; set PAYENGINE_DB_URL for PostgreSQL. The engine's events go to",
            "the log, or as signed webhooks to PAYENGINE_WEBHOOK_URL (with PAYENGINE_WEBHOOK_SECRET[_FILE]).",
            "",
            "Stops gracefully on SIGTERM or Ctrl-C: no new requests, in-flight ones finish, the workers release",
            "their leases, then the database pool closes."})
public final class ServeCommand implements Callable<Integer>, ServesUntilStopped {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final CommandEnvironment environment;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a properties file with the same names as the environment variables")
    Path config;

    @Option(names = "--show-config",
            description = "print every setting with its value and origin (secrets masked), check them, exit")
    boolean showConfig;

    public ServeCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigurationValues values = ConfigurationValues.from(environment.variables(), config);
        if (showConfig) {
            EngineConfiguration.describe(values).forEach(environment.out()::println);
            EngineConfiguration.read(values); // the problems, if any, end the command with their list
            environment.out().println("The configuration is complete.");
            return ExitCode.OK;
        }
        StandaloneEngine engine = start(values);
        ShutdownSignal signal = new ShutdownSignal("serve", engine::stop);
        environment.out().println("PayEngine serving on " + engine.localUrl() + " (stop with SIGTERM or Ctrl-C)");
        signal.await();
        return ExitCode.OK;
    }

    /**
     * Reads the configuration and starts the engine.
     *
     * @throws ConfigurationException naming every setting that is missing or wrong
     */
    public static StandaloneEngine start(ConfigurationValues values) {
        for (String unknown : values.unknownInEnvironment()) {
            log.warn("{} is set in the environment but is no setting of PayEngine (misspelt?)", unknown);
        }
        EngineConfiguration configuration = EngineConfiguration.read(values);
        log.info("Configuration:\n  {}", String.join("\n  ", EngineConfiguration.describe(values)));
        return StandaloneEngine.start(configuration);
    }
}
