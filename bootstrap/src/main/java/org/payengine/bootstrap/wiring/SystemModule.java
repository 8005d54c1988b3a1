package org.payengine.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import org.payengine.application.port.Clock;
import org.payengine.application.port.IdGenerator;
import org.payengine.bootstrap.RandomIds;
import org.payengine.bootstrap.SystemClock;

/** The real clock and random request ids, for the standalone engine. */
@Module
public interface SystemModule {

    @Binds
    IdGenerator ids(RandomIds ids);

    @Provides
    static Clock clock() {
        return SystemClock.INSTANCE;
    }
}
