package org.payengine.adapters.antom;

import com.alipay.global.api.base64.Base64Encryptor;
import com.alipay.global.api.tools.SignatureTool;
import java.util.Base64;

/**
 * The SDK's default Base64 calls {@code javax.xml.bind.DatatypeConverter}, which Java 11+ no
 * longer ships: every signature would fail with {@code NoClassDefFoundError}. This plugs in
 * {@link java.util.Base64}, once per JVM ({@code SignatureTool}'s encoder is a static).
 */
final class JdkBase64 implements Base64Encryptor {

    private static volatile boolean installed;

    private JdkBase64() {
    }

    static void install() {
        if (!installed) {
            synchronized (JdkBase64.class) {
                if (!installed) {
                    SignatureTool.setBase64Encryptor(new JdkBase64());
                    installed = true;
                }
            }
        }
    }

    @Override
    public String encodeToString(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Lenient about line breaks, like the encoder it replaces. */
    @Override
    public byte[] decode(String text) {
        return Base64.getMimeDecoder().decode(text);
    }
}
