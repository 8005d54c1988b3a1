package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stores over a pool the application opened itself: the engine uses it and never closes it. */
class DatabaseOverDataSourceTest {

    @Test
    void the_stores_work_over_an_application_pool_and_closing_them_leaves_the_pool_open() throws SQLException {
        try (HikariDataSource pool = applicationPool(Database.prepareJdbcUrl(memoryUrl()))) {
            Database database = Database.over(pool);

            assertEquals(Dialect.H2, database.dialect());
            assertEquals(Optional.empty(), database.settings());
            assertTrue(database.migrate() > 0);
            database.storeHealth().check();
            assertEquals(0, database.statistics().undeliveredEvents());
            database.close();

            assertTrue(!pool.isClosed(), "the application's pool is its own to close");
            try (Connection connection = pool.getConnection()) {
                assertTrue(connection.isValid(1));
            }
            assertTrue(SchemaMigrations.isCurrent(pool));
        }
    }

    @Test
    void an_h2_pool_without_the_settings_the_sql_needs_is_refused_naming_them() {
        try (HikariDataSource pool = applicationPool(memoryUrl())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Database.over(pool));

            assertTrue(refused.getMessage().contains("MODE=PostgreSQL (is REGULAR)"), refused.getMessage());
            assertTrue(refused.getMessage().contains("DATABASE_TO_LOWER=TRUE (is false)"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Database.prepareJdbcUrl"), refused.getMessage());
        }
    }

    @Test
    void a_postgresql_url_is_prepared_with_every_wait_on_the_network_bounded() {
        assertEquals("jdbc:postgresql://db:5432/shop?connectTimeout=5&loginTimeout=5&socketTimeout=15",
                Database.prepareJdbcUrl("jdbc:postgresql://db:5432/shop"));
    }

    private static String memoryUrl() {
        return "jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static HikariDataSource applicationPool(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("application");
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
