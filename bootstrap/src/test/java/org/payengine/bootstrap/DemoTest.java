package org.payengine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.command.ExitCode;
import org.payengine.bootstrap.testing.CommandRun;
import org.payengine.bootstrap.testing.Http;

/** The demo started in-process on free ports, as {@code demo} starts it. */
class DemoTest {

    @Test
    void the_demo_serves_the_api_and_the_shop_and_keeps_its_keys_and_orders_across_restarts(@TempDir Path data) throws Exception {
        Demo first = Demo.start(new Demo.Settings(0, 0, data));
        String apiKey;
        String clientId;
        try {
            URI base = first.engineUrl();
            apiKey = first.apiKey();
            clientId = first.simulator().clientId();

            HttpResponse<String> health = Http.get(base.resolve("/health"));
            HttpResponse<String> shop = Http.get(base.resolve("/demo"));
            HttpResponse<String> order = Http.postJson(base.resolve("/v1/orders"), apiKey,
                    "{\"referenceOrderId\":\"demo-1\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}");

            assertEquals(200, health.statusCode(), health.body());
            assertEquals(200, shop.statusCode());
            assertTrue(shop.body().contains("<form"), shop.body());
            assertEquals(201, order.statusCode(), order.body());
            assertEquals(apiKey, Files.readString(data.resolve("api-key")).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("api-key"))));
            for (String file : List.of("merchant_private_key.pem", "merchant_public_key.pem", "antom_private_key.pem",
                    "antom_public_key.pem", "client_id")) {
                assertTrue(Files.exists(data.resolve("keys").resolve(file)), file);
            }
        } finally {
            first.stop();
        }

        Demo again = Demo.start(new Demo.Settings(0, 0, data));
        try {
            HttpResponse<String> order = Http.getAuthorized(again.engineUrl().resolve("/v1/orders/demo-1"), apiKey);
            HttpResponse<String> orders = Http.get(again.engineUrl().resolve("/demo/orders"));

            assertEquals(apiKey, again.apiKey());
            assertEquals(clientId, again.simulator().clientId());
            assertEquals(200, order.statusCode(), "the order of the first run is still there: " + order.body());
            assertTrue(orders.body().contains("id=\"summary-demo-1\""),
                    "the orders page lists it too, though the API created it before the restart: " + orders.body());
        } finally {
            again.stop();
        }
    }

    @Test
    void the_demo_takes_its_webhook_from_the_environment_and_refuses_one_without_a_secret(@TempDir Path data) {
        CommandRun run = CommandRun.of(Map.of("PAYENGINE_WEBHOOK_URL", "http://127.0.0.1:9/payengine-events"),
                "demo", "--port", "0", "--simulator-port", "0", "--data", data.toString());

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode(), run.out());
        assertTrue(run.err().contains("PAYENGINE_WEBHOOK_SECRET: is required with PAYENGINE_WEBHOOK_URL"), run.err());
        assertFalse(Files.exists(data.resolve("api-key")), "nothing started");
    }
}
