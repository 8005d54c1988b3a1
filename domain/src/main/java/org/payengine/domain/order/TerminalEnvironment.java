package org.payengine.domain.order;

import java.util.Objects;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.MerchantText;

/**
 * The buyer's device and network, Antom's {@code env}. Antom asks for the client IP on card payments;
 * everything but the terminal type is optional.
 *
 * @param timeZoneOffset minutes from UTC, -720..720
 */
public record TerminalEnvironment(TerminalType terminalType, OsType osType, String clientIp, String userAgent,
                                  BrowserInfo browserInfo, String deviceLanguage, Integer timeZoneOffset,
                                  Integer screenWidth, Integer screenHeight, Integer colorDepth, String deviceId,
                                  String cookieId) {

    public TerminalEnvironment {
        Objects.requireNonNull(terminalType, "terminalType");
        clientIp = MerchantText.optional("clientIp", clientIp, 64);
        userAgent = MerchantText.optional("userAgent", userAgent, 2048);
        deviceLanguage = MerchantText.optional("deviceLanguage", deviceLanguage, 32);
        deviceId = MerchantText.optional("deviceId", deviceId, 64);
        cookieId = MerchantText.optional("cookieId", cookieId, 64);
        if (timeZoneOffset != null && (timeZoneOffset < -720 || timeZoneOffset > 720)) {
            throw new InvalidValueException("timeZoneOffset", "must be between -720 and 720 minutes, was " + timeZoneOffset);
        }
        requireNonNegative("screenWidth", screenWidth);
        requireNonNegative("screenHeight", screenHeight);
        requireNonNegative("colorDepth", colorDepth);
    }

    /** Only the terminal type and the client IP, which is what the merchant API asks for. */
    public static TerminalEnvironment of(TerminalType terminalType, String clientIp) {
        return new TerminalEnvironment(terminalType, null, clientIp, null, null, null, null, null, null, null, null, null);
    }

    private static void requireNonNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw new InvalidValueException(field, "must not be negative, was " + value);
        }
    }
}
