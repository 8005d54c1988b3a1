package org.payengine.adapters.http.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import org.payengine.adapters.http.transport.Json;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.money.Money;

/**
 * A domain event as the webhook's JSON body:
 * <pre>{@code
 * {"id":"order-1#3.0","type":"order.paid","occurredAt":"2025-03-01T10:00:02Z","referenceOrderId":"order-1",
 *  "data":{"attempt":"pay-7f3c…","paymentId":"2025…","captureId":"…","amount":{"currency":"SGD","value":"4200"}}}
 * }</pre>
 * {@code data} holds the event's own fields under their names: ids as their text, instants in ISO 8601 (UTC),
 * amounts as {@code {"currency","value"}} with the value in minor units as a string of digits (as the merchant API
 * writes them), flags and texts as they are; absent values are left out. Every event type is written the same way,
 * so a new one needs no code here.
 */
final class EventJson {

    private EventJson() {
    }

    static byte[] of(DomainEvent event) {
        ObjectNode body = Json.newObject();
        body.put("id", event.id().value());
        body.put("type", event.type());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("referenceOrderId", event.orderId().value());
        ObjectNode data = body.putObject("data");
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            if (!name.equals("id") && !name.equals("occurredAt")) {
                put(data, name, valueOf(event, component));
            }
        }
        return Json.bytes(body);
    }

    private static void put(ObjectNode data, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Money money) {
            data.putObject(name).put("currency", money.currencyCode()).put("value", money.antomValue());
        } else if (value instanceof Boolean flag) {
            data.put(name, flag);
        } else if (value instanceof Instant instant) {
            data.put(name, instant.toString());
        } else if (value instanceof Record id && id.getClass().getRecordComponents().length == 1) {
            put(data, name, valueOf(id, id.getClass().getRecordComponents()[0])); // an id or code: its text
        } else {
            data.put(name, value.toString());
        }
    }

    private static Object valueOf(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
