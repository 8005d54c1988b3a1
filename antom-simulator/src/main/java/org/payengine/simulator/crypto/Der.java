package org.payengine.simulator.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Just enough ASN.1 DER encoding to write a self-signed X.509 v3 certificate. */
final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return tagged(0x30, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return tagged(0x31, concat(elements));
    }

    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    static byte[] bitString(byte[] content) {
        byte[] withUnusedBits = new byte[content.length + 1];
        System.arraycopy(content, 0, withUnusedBits, 1, content.length);
        return tagged(0x03, withUnusedBits);
    }

    static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    static byte[] nullValue() {
        return new byte[] {0x05, 0x00};
    }

    static byte[] utf8String(String value) {
        return tagged(0x0C, value.getBytes(StandardCharsets.UTF_8));
    }

    /** UTCTime before 2050, GeneralizedTime from then on, as RFC 5280 requires. */
    static byte[] time(ZonedDateTime when) {
        ZonedDateTime utc = when.withZoneSameInstant(ZoneOffset.UTC);
        return utc.getYear() < 2050
                ? tagged(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII))
                : tagged(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                int septet = (int) ((arc >>> (7 * g)) & 0x7F);
                out.write(g > 0 ? septet | 0x80 : septet);
            }
        }
        return tagged(0x06, out.toByteArray());
    }

    /** A context-specific explicit (constructed) tag such as {@code [0]} or {@code [3]}. */
    static byte[] explicit(int tagNumber, byte[] content) {
        return tagged(0xA0 | tagNumber, content);
    }

    /** A context-specific implicit primitive tag such as GeneralName's {@code [2]} or {@code [7]}. */
    static byte[] implicit(int tagNumber, byte[] content) {
        return tagged(0x80 | tagNumber, content);
    }

    static byte[] tagged(int tag, byte[] content) {
        byte[] length = length(content.length);
        byte[] out = new byte[1 + length.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, content.length);
        return out;
    }

    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        byte[] bytes = BigInteger.valueOf(length).toByteArray();
        int start = bytes[0] == 0 ? 1 : 0;
        byte[] out = new byte[1 + bytes.length - start];
        out[0] = (byte) (0x80 | (bytes.length - start));
        System.arraycopy(bytes, start, out, 1, bytes.length - start);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
