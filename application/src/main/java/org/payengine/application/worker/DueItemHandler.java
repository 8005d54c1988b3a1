package org.payengine.application.worker;

import java.time.Instant;
import java.util.Objects;
import org.payengine.application.port.DueWork.Claim;
import org.payengine.application.port.DueWork.Looks;

/** The work for one kind of due item: a {@link LeasedWorker} claims the items and hands each to its handler. */
interface DueItemHandler {

    /**
     * Works one claimed item and says when it needs looking at again, and which looks at Antom it took (if the work
     * settled the attempt, the item is gone already and the answer does not matter). Must not throw for anything
     * Antom or the store does that a later try can get past; a thrown exception is logged and the item retried
     * after a pause.
     */
    Next work(Claim item, Instant now);

    /** When to look again, and the looks this work took. */
    record Next(Instant at, Looks taken) {
        public Next {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(taken, "taken");
        }

        /** Look again at {@code at}; no look at Antom was taken now. */
        static Next at(Instant at) {
            return new Next(at, Looks.NONE);
        }
    }
}
