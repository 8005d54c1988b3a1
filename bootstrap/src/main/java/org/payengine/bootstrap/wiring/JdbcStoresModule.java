package org.payengine.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.payengine.adapters.persistence.Database;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.StoreHealth;
import org.payengine.bootstrap.embedded.EngineStores;
import org.payengine.bootstrap.embedded.wiring.StoresModule;

/** The stores on Jdbi + HikariCP (H2 or PostgreSQL), from {@link DatabaseSettings}. */
@Module(includes = StoresModule.class)
public interface JdbcStoresModule {

    /** Opens the pool, its figures in the registry; connections are made lazily, so this is cheap and succeeds while the database is down. */
    @Provides
    @Singleton
    static Database database(DatabaseSettings settings, MeterRegistry registry) {
        return Database.open(settings, registry);
    }

    @Provides
    @Singleton
    static EngineStores stores(Database database) {
        return CrashPoints.wrap(EngineStores.of(database));
    }

    @Provides
    @Singleton
    static StoreHealth storeHealth(Database database) {
        return database.storeHealth();
    }

    /** The merchant API's idempotency keys: a table of the engine's database, shared by every node on it. */
    @Provides
    @Singleton
    static IdempotencyKeys idempotencyKeys(Database database) {
        return database.idempotencyKeys();
    }

    @Provides
    @Singleton
    static EngineStatistics engineStatistics(Database database) {
        return database.statistics();
    }
}
