package org.payengine.bootstrap.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.payengine.simulator.AntomSimulator;

/** The environment of a {@code serve} that talks to a simulator: a complete, valid configuration to vary. */
public final class ServeEnvironment {

    public static final String API_KEY = "test-api-key-0123456789";

    private ServeEnvironment() {
    }

    public static Map<String, String> of(AntomSimulator antom, Path data) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PAYENGINE_HTTP_HOST", "127.0.0.1");
        environment.put("PAYENGINE_HTTP_PORT", "0");
        environment.put("PAYENGINE_API_KEYS", API_KEY);
        environment.put("PAYENGINE_DATA_DIR", data.toString());
        environment.put("PAYENGINE_ANTOM_ENDPOINT", antom.baseUrl());
        environment.put("PAYENGINE_ANTOM_CLIENT_ID", antom.clientId());
        environment.put("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", antom.merchantPrivateKey());
        environment.put("PAYENGINE_ANTOM_PUBLIC_KEY", antom.antomPublicKey());
        environment.put("PAYENGINE_ANTOM_SANDBOX", "true");
        environment.put("PAYENGINE_SHUTDOWN_GRACE_SECONDS", "10");
        return environment;
    }
}
