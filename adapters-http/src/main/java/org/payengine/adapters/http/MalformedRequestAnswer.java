package org.payengine.adapters.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * A connection's output, in which Undertow's own answer to a request it cannot parse — a fixed, bodiless
 * {@code 400 Bad Request}, written whole just before it closes the connection — is replaced by an answer in the error
 * contract: {@code {"error":{"code":"MALFORMED_REQUEST","message":…}}}. Every other byte passes as it is; the check is
 * a length comparison, and a comparison of content only for a write of exactly that length.
 */
final class MalformedRequestAnswer extends AbstractStreamSinkConduit<StreamSinkConduit> {

    /** What Undertow (2.x) writes, in {@code HttpReadListener}, for a request it fails to parse. */
    static final byte[] UNDERTOWS_BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] CONTRACT_BAD_REQUEST = answer("{\"error\":{\"code\":\"MALFORMED_REQUEST\",\"message\":"
            + "\"The request could not be read as HTTP/1.1: a malformed request line or header, or headers larger than"
            + " allowed\"}}");

    private ByteBuffer replacement;
    private int replaced;

    MalformedRequestAnswer(StreamSinkConduit next) {
        super(next);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        if (replacement == null && isUndertowsBadRequest(source)) {
            replacement = ByteBuffer.wrap(CONTRACT_BAD_REQUEST);
            replaced = source.remaining();
        }
        if (replacement == null) {
            return next.write(source);
        }
        next.write(replacement);
        if (replacement.hasRemaining()) {
            return 0; // Undertow writes the same bytes again once the connection can take more
        }
        replacement = null;
        source.position(source.limit());
        return replaced;
    }

    private static boolean isUndertowsBadRequest(ByteBuffer source) {
        return source.remaining() == UNDERTOWS_BAD_REQUEST.length
                && source.duplicate().equals(ByteBuffer.wrap(UNDERTOWS_BAD_REQUEST));
    }

    private static byte[] answer(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] bytes = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, head.length());
        System.arraycopy(body, 0, bytes, head.length(), body.length);
        return bytes;
    }
}
