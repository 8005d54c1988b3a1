package org.payengine.bootstrap.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.payengine.adapters.http.HttpSettings;

/** Reads the HTTP server's settings ({@code PAYENGINE_HTTP_*}, {@code PAYENGINE_API_KEYS}, …) into {@link HttpSettings}. */
final class HttpConfiguration {

    private HttpConfiguration() {
    }

    static HttpSettings read(SettingsReader reader, int port, URI publicUrl) {
        String host = reader.textOrDefault(Setting.HTTP_HOST);
        String keys = reader.required(Setting.API_KEYS, "give at least one bearer key for the merchant API, "
                + "at least " + HttpSettings.MIN_API_KEY_LENGTH + " characters (e.g. openssl rand -hex 32)");
        List<String> apiKeys = keys == null ? List.of() : Arrays.stream(keys.split(","))
                .map(String::strip).filter(key -> !key.isEmpty()).toList();
        int maxBody = reader.integer(Setting.HTTP_MAX_BODY_BYTES, 1024, 16 * 1024 * 1024);
        int workerThreads = reader.integer(Setting.HTTP_WORKER_THREADS, 0, 1024);
        boolean demoPages = reader.flag(Setting.DEMO_PAGES);
        if (keys != null && apiKeys.isEmpty()) {
            reader.problem(Setting.API_KEYS.variable() + ": holds no key, only commas");
        }
        if (apiKeys.isEmpty()) {
            return null;
        }
        if (demoPages && !HttpSettings.isLoopback(host)) {
            reader.problem(Setting.DEMO_PAGES.variable() + ": " + HttpSettings.DEMO_PAGES_ON_LOOPBACK_ONLY + "; "
                    + Setting.HTTP_HOST.variable() + " is " + host);
            return null;
        }
        return reader.attempt(Setting.API_KEYS, () -> new HttpSettings(host, port, apiKeys, publicUrl,
                maxBody, demoPages, workerThreads)).orElse(null);
    }
}
