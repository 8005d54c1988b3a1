package org.payengine.simulator.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An Antom amount: ISO 4217 currency and a value in minor units, emitted as a string. */
public record Money(String currency, long value) {

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("currency", currency);
        node.put("value", Long.toString(value));
        return node;
    }

    public Money minus(Money other) {
        return new Money(currency, value - other.value);
    }
}
