package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One of Antom's payment APIs: validates a verified call and answers with the response body. */
interface AntomApi {

    /** The response body; refusals are thrown as {@link org.payengine.simulator.wire.ApiFailure}. */
    ObjectNode answer(ApiCall call);
}
