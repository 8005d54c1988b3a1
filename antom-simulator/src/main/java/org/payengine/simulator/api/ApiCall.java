package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.payengine.simulator.wire.RequestFields;

/**
 * A verified API call: whose it is, its body (as fields to validate, and in canonical form for
 * idempotency), and the base URL this simulator was reached at (for {@code normalUrl} and logos).
 */
record ApiCall(String clientId, RequestFields fields, JsonNode canonical, String baseUrl) {
}
