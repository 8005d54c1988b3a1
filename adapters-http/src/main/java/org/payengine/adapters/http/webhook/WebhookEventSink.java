package org.payengine.adapters.http.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.payengine.application.port.Clock;
import org.payengine.application.port.EventSink;
import org.payengine.domain.event.DomainEvent;

/**
 * Delivers each event as a signed webhook: an HTTP {@code POST} of the event as JSON ({@link EventJson}) to the
 * merchant's URL, with
 * <pre>
 * Content-Type:         application/json
 * PayEngine-Event-Id:   order-1#3.0          (stable: the same on every delivery of one event; deduplicate by it)
 * PayEngine-Event-Type: order.paid
 * PayEngine-Timestamp:  1767225600           (Unix seconds)
 * PayEngine-Signature:  v1=&lt;hex HMAC-SHA256&gt; ({@link WebhookSignature})
 * </pre>
 * Any 2xx answer within the timeout delivers the event. Anything else — another status, a timeout, a refused
 * connection — throws, and the outbox offers the event again later with backoff (the events of the same order
 * after it wait), dead-lettering it after too many tries. One request per call: the retrying is the outbox's.
 * Thread-safe.
 */
public final class WebhookEventSink implements EventSink {

    public static final String EVENT_ID = "PayEngine-Event-Id";
    public static final String EVENT_TYPE = "PayEngine-Event-Type";
    public static final String TIMESTAMP = "PayEngine-Timestamp";
    public static final String SIGNATURE = "PayEngine-Signature";
    private static final int ANSWER_EXCERPT = 200;

    private final WebhookSettings settings;
    private final WebhookSignature signature;
    private final Clock clock;
    private final HttpClient client;

    public WebhookEventSink(WebhookSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signature = new WebhookSignature(settings.secret());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void deliver(DomainEvent event) {
        byte[] body = EventJson.of(event);
        long timestamp = clock.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID, event.id().value())
                .header(EVENT_TYPE, event.type())
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, signature.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException unreachable) {
            throw new WebhookNotDelivered(event, "no answer from " + settings.url() + ": " + unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new WebhookNotDelivered(event, "interrupted while waiting for " + settings.url());
        }
        if (answer.statusCode() / 100 != 2) {
            throw new WebhookNotDelivered(event, settings.url() + " answered HTTP " + answer.statusCode() + ": "
                    + excerpt(answer.body()));
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, ANSWER_EXCERPT), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? "(empty body)" : text;
    }

    @Override
    public String toString() {
        return "WebhookEventSink[" + settings + "]";
    }

    /** The merchant's endpoint did not take the event; the outbox offers it again later. */
    public static final class WebhookNotDelivered extends RuntimeException {
        WebhookNotDelivered(DomainEvent event, String why) {
            super("webhook " + event.type() + " " + event.id() + " not delivered: " + why);
        }
    }
}
