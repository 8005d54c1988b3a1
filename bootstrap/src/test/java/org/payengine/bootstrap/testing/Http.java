package org.payengine.bootstrap.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP over loopback, for the tests of the running engine. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the merchant API's bearer key. */
    public static HttpResponse<String> getAuthorized(URI url, String apiKey) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST with the merchant API's bearer key. */
    public static HttpResponse<String> postJson(URI url, String apiKey, String json)
            throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
