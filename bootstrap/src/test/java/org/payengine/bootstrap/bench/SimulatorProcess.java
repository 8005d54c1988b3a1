package org.payengine.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.payengine.bootstrap.testing.RunningJar;

/**
 * The Antom simulator as a process of its own ({@code java -jar payengine.jar simulator}), so that its work — its
 * signatures, the hosted page, the notifications it sends — is never counted as the engine's or the driver's. The
 * driver reaches it through its control API only: the buyer pays, and the calls it received are counted.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final RunningJar process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SimulatorProcess(RunningJar process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts {@code simulator --port 0 --keys keys} plus {@code extraArguments} and waits until it listens. */
    static SimulatorProcess start(Path jar, Path workDirectory, Path keys, String jvmArgs, List<String> extraArguments)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("simulator", "--port", "0", "--keys", keys.toString()));
        arguments.addAll(extraArguments);
        RunningJar process = RunningJar.start(jar, workDirectory, Map.of("JAVA_TOOL_OPTIONS", jvmArgs),
                arguments.toArray(String[]::new));
        try {
            return new SimulatorProcess(process,
                    URI.create(process.awaitLine("Antom simulator listening on (http://\\S+)", PATIENCE)));
        } catch (AssertionError | InterruptedException failed) {
            process.close();
            throw failed;
        }
    }

    String baseUrl() {
        return base.toString();
    }

    /** The buyer pays on the hosted page with this card ({@code POST /sandbox/payments/{paymentId}/complete}). */
    void buyerPays(String paymentId, String cardNumber) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/sandbox/payments/" + paymentId
                        + "/complete")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cardNumber\":\"" + cardNumber + "\",\"saveCard\":false}")));
        MerchantApiClient.expect(200, answer);
    }

    /** Forgets the calls counted so far ({@code DELETE /sandbox/stats}). */
    void resetCallCounts() {
        MerchantApiClient.expect(200, send(HttpRequest.newBuilder(base.resolve("/sandbox/stats")).DELETE()));
    }

    /** The calls the gateway received per API since the last reset ({@code GET /sandbox/stats}), by API name. */
    Map<String, Long> callsPerApi() {
        HttpResponse<String> answer = MerchantApiClient.expect(200,
                send(HttpRequest.newBuilder(base.resolve("/sandbox/stats")).GET()));
        try {
            Map<String, Long> calls = new TreeMap<>();
            JsonNode apis = JSON.readTree(answer.body()).path("apis");
            apis.fieldNames().forEachRemaining(api -> calls.put(api, apis.get(api).path("calls").asLong()));
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time of the simulator's process so far, where the operating system tells it. */
    Duration cpuTime() {
        return process.cpuTime().orElse(Duration.ZERO);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the simulator did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            process.terminate(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.close();
        }
    }
}
