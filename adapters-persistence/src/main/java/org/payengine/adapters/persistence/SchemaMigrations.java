package org.payengine.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The engine's schema, kept by Flyway from the versioned SQL files under {@link #LOCATION}: the same
 * files for H2 and PostgreSQL.
 */
final class SchemaMigrations {

    /** Not Flyway's default {@code db/migration}, so that an embedding application keeps that for its own. */
    static final String LOCATION = "classpath:org/payengine/adapters/persistence/migration";

    /** Flyway's record of applied migrations, named after the engine so it can share a schema. */
    static final String HISTORY_TABLE = "payengine_schema_history";

    /**
     * Every version among the migration files, oldest first: what a current schema records as applied. A test holds
     * it to the files, so a new migration cannot be added without it. Each area of the engine numbers its migrations
     * in a range of its own, so a lower version may be added after a higher one was applied: Flyway applies it out of
     * order, and a schema lacking any of these is not current.
     */
    static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "19", "20", "21", "22",
            "30");

    /** The newest version among the migration files. */
    static final String LATEST_VERSION = VERSIONS.get(VERSIONS.size() - 1);

    private SchemaMigrations() {
    }

    /**
     * Whether Flyway's history records every one of {@link #VERSIONS} as applied and no migration as failed: one query,
     * without loading Flyway or reading the migration files. Anything unexpected (no history table yet, another
     * layout) answers false, and Flyway then does the full work.
     */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY_TABLE + "\"")) {
            Set<String> applied = new HashSet<>();
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
            return applied.containsAll(VERSIONS);
        } catch (SQLException | RuntimeException notReadable) {
            return false;
        }
    }

    /** Brings the schema to the latest version; returns how many migrations were applied (0 when current). */
    static int migrate(DataSource dataSource, Optional<String> schema) {
        return configure(dataSource, schema).load().migrate().migrationsExecuted;
    }

    /** Brings the schema up to {@code version} and no further (to test upgrades from an older schema). */
    static int migrateTo(DataSource dataSource, Optional<String> schema, String version) {
        return configure(dataSource, schema).target(MigrationVersion.fromVersion(version)).load().migrate()
                .migrationsExecuted;
    }

    /** The version the schema is at, or empty when no migration was applied yet. */
    static Optional<String> currentVersion(DataSource dataSource, Optional<String> schema) {
        var current = configure(dataSource, schema).load().info().current();
        return Optional.ofNullable(current).map(migration -> migration.getVersion().getVersion());
    }

    /** Every version the migration files define, oldest first. */
    static List<String> availableVersions(DataSource dataSource, Optional<String> schema) {
        return Arrays.stream(configure(dataSource, schema).load().info().all())
                .map(migration -> migration.getVersion().getVersion())
                .toList();
    }

    private static FluentConfiguration configure(DataSource dataSource, Optional<String> schema) {
        FluentConfiguration configuration = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .outOfOrder(true)
                .cleanDisabled(true);
        schema.ifPresent(name -> configuration.schemas(name).defaultSchema(name));
        return configuration;
    }
}
