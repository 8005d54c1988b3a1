package org.payengine.adapters.http.transport;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies on a worker thread with a cap that is enforced while reading: a body announced larger
 * than the cap is refused before a byte of it is read, and a chunked body is refused as soon as it passes the
 * cap, without keeping more than the cap in memory.
 *
 * <p>A refused body is answered 413. So that the client can read that answer rather than a reset connection,
 * up to {@link #DISCARD_LIMIT} bytes of the rest are read and dropped; a body larger still closes the
 * connection after the answer.
 */
public final class BoundedBody {

    /** How much of an oversized body is read and dropped to keep the connection usable. */
    static final long DISCARD_LIMIT = 1 << 20;

    /** The body once read: the stream gives it once, and a layer in front (idempotency keys) may read it first. */
    private static final AttachmentKey<byte[]> READ = AttachmentKey.create(byte[].class);

    private final int maxBytes;

    public BoundedBody(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * The body's exact bytes (empty when there is none); the same bytes again when called again for the same
     * request. The exchange must be in blocking mode.
     *
     * @throws HttpError 413 when the body is larger than the cap; 400 when the client stopped sending it
     */
    public byte[] read(HttpServerExchange exchange) {
        byte[] readBefore = exchange.getAttachment(READ);
        if (readBefore != null) {
            return readBefore.clone();
        }
        byte[] body = readFromStream(exchange);
        exchange.putAttachment(READ, body);
        return body.clone();
    }

    private byte[] readFromStream(HttpServerExchange exchange) {
        long announced = exchange.getRequestContentLength();
        if (announced > Math.max(maxBytes, DISCARD_LIMIT)) {
            exchange.setPersistent(false);
            throw HttpError.bodyTooLarge(maxBytes);
        }
        try {
            InputStream in = exchange.getInputStream();
            if (announced > maxBytes) {
                discard(exchange, in, 0);
                throw HttpError.bodyTooLarge(maxBytes);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(announced > 0 ? (int) announced : 1024);
            byte[] chunk = new byte[8192];
            int read;
            while ((read = in.read(chunk)) != -1) {
                if (body.size() + read > maxBytes) {
                    discard(exchange, in, body.size() + read);
                    throw HttpError.bodyTooLarge(maxBytes);
                }
                body.write(chunk, 0, read);
            }
            return body.toByteArray();
        } catch (IOException e) {
            exchange.setPersistent(false);
            throw new HttpError(400, "BODY_UNREADABLE", "The request body could not be read to its end", null);
        }
    }

    private static void discard(HttpServerExchange exchange, InputStream in, long alreadyRead) throws IOException {
        byte[] chunk = new byte[8192];
        long total = alreadyRead;
        int read;
        while (total <= DISCARD_LIMIT && (read = in.read(chunk)) != -1) {
            total += read;
        }
        if (total > DISCARD_LIMIT) {
            exchange.setPersistent(false);
        }
    }
}
