package org.payengine.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import org.payengine.application.port.IdGenerator;
import org.payengine.bootstrap.embedded.RandomIds;

/** Random request ids, for the standalone engine (its clock enters through its builder: the real one, or a test's). */
@Module
public interface SystemModule {

    @Binds
    IdGenerator ids(RandomIds ids);
}
