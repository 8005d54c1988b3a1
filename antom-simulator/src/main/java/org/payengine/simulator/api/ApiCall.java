package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.payengine.simulator.wire.Json;
import org.payengine.simulator.wire.RequestFields;

/**
 * A verified API call: whose it is, its body as fields to validate, and the base URL this
 * simulator was reached at (for {@code normalUrl} and logos).
 */
record ApiCall(String clientId, RequestFields fields, String baseUrl) {

    /** The body in canonical form, for idempotency checks (computed only by the APIs that keep requests). */
    JsonNode canonical() {
        return Json.canonical(fields.raw());
    }
}
