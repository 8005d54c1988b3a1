package org.payengine.adapters.antom;

/**
 * A configured key cannot be used. The message names the key and the format problem; it never
 * contains key material.
 */
public final class KeyFormatException extends IllegalArgumentException {

    KeyFormatException(String keyName, String problem) {
        super(keyName + ": " + problem);
    }

    KeyFormatException(String keyName, String problem, Throwable cause) {
        super(keyName + ": " + problem, cause);
    }
}
