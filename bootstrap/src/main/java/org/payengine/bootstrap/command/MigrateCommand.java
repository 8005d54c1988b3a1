package org.payengine.bootstrap.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.config.DatabaseConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate}: applies the schema to the configured database and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Apply the schema to the configured database and exit.",
        footerHeading = "%n", footer = {
            "Applies PayEngine's schema migrations to the database `serve` is configured with, then exits. Only",
            "the database settings are read (from the environment, over the --config file): PAYENGINE_DB_URL",
            "(default: an H2 file under PAYENGINE_DATA_DIR, default ./data), PAYENGINE_DB_USER,",
            "PAYENGINE_DB_PASSWORD, PAYENGINE_DB_SCHEMA, PAYENGINE_DB_*_TIMEOUT_MILLIS. Running it again on a",
            "current schema changes nothing."})
public final class MigrateCommand implements Callable<Integer> {

    private final CommandEnvironment environment;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a properties file with the same names as the environment variables")
    Path config;

    public MigrateCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DatabaseSettings settings = DatabaseConfiguration.read(ConfigurationValues.from(environment.variables(), config));
        try (Database database = Database.open(settings)) {
            int applied = database.migrate();
            environment.out().println(applied == 0
                    ? "The schema is up to date; nothing applied."
                    : "Applied " + applied + " schema migration" + (applied == 1 ? "" : "s") + ".");
        }
        return ExitCode.OK;
    }
}
