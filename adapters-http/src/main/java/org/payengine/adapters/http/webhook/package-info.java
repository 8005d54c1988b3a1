/**
 * Webhooks: the engine's events delivered to the merchant's HTTPS endpoint, signed with HMAC-SHA256
 * ({@link org.payengine.adapters.http.webhook.WebhookEventSink}, {@link org.payengine.adapters.http.webhook.WebhookSignature}),
 * configured by {@link org.payengine.adapters.http.webhook.WebhookSettings}. {@code WEBHOOKS.md} in this module
 * documents the headers, the signed string and how a receiver verifies a request.
 */
package org.payengine.adapters.http.webhook;
