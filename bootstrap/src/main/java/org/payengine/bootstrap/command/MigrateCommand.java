package org.payengine.bootstrap.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.config.DatabaseConfiguration;

/** {@code migrate}: applies the schema to the configured database and exits. */
public final class MigrateCommand implements Command {

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return "apply the schema to the configured database and exit";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar payengine.jar migrate [--config FILE]

                Applies PayEngine's schema migrations to the database `serve` is configured with, then exits.
                Only the database settings are read (from the environment, over the --config file):
                PAYENGINE_DB_URL (default: an H2 file under PAYENGINE_DATA_DIR, default ./data),
                PAYENGINE_DB_USER, PAYENGINE_DB_PASSWORD, PAYENGINE_DB_SCHEMA, PAYENGINE_DB_*_TIMEOUT_MILLIS.
                Running it again on a current schema changes nothing.

                  --config FILE   a properties file with the same names as the environment variables
                  --help          print this help
                """;
    }

    @Override
    public int run(List<String> args, Map<String, String> environment, PrintStream out) {
        Options options = Options.parse(args, Set.of("--config"), Set.of());
        if (options.help()) {
            out.print(usage());
            return OK;
        }
        ConfigurationValues values = ConfigurationValues.from(environment,
                options.value("--config").map(Path::of).orElse(null));
        DatabaseSettings settings = DatabaseConfiguration.read(values);
        try (Database database = Database.open(settings)) {
            int applied = database.migrate();
            out.println(applied == 0
                    ? "The schema is up to date; nothing applied."
                    : "Applied " + applied + " schema migration" + (applied == 1 ? "" : "s") + ".");
        }
        return OK;
    }
}
