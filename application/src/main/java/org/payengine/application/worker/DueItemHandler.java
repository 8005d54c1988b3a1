package org.payengine.application.worker;

import java.time.Instant;
import org.payengine.application.port.DueWork.Claim;

/** The work for one kind of due item: a {@link LeasedWorker} claims the items and hands each to its handler. */
interface DueItemHandler {

    /**
     * Works one claimed item and says when it needs looking at again (if the work settled the attempt, the item is
     * gone already and the answer does not matter). Must not throw for anything Antom or the store does that a
     * later try can get past; a thrown exception is logged and the item retried after a pause.
     */
    Instant work(Claim item, Instant now);
}
