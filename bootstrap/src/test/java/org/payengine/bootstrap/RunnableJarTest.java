package org.payengine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.RunningJar;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.simulator.AntomSimulator;

/**
 * The jar the README tells people to run, run as they would: {@code java -jar bootstrap/target/payengine.jar}.
 * Runs after {@code package} (the build's integration-test phase), when the jar exists.
 */
class RunnableJarTest {

    static final Path JAR = Path.of("target", "payengine.jar");

    @Test
    void the_jar_lists_its_commands() throws Exception {
        Result result = java(Path.of("target"), "--help");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Usage: java -jar payengine.jar <command> [options]"), result.output());
        for (String command : List.of("demo", "serve", "simulator", "migrate")) {
            assertTrue(result.output().contains("\n  " + command + " "), command + " in " + result.output());
        }
    }

    @Test
    void every_command_explains_itself() throws Exception {
        for (String command : List.of("demo", "serve", "migrate", "simulator")) {
            Result result = java(Path.of("target"), command, "--help");

            assertEquals(0, result.exitCode(), command + ": " + result.output());
            assertTrue(result.output().startsWith("Usage: "), command + ": " + result.output());
        }
    }

    @Test
    void migrate_runs_from_the_jar_and_exits(@TempDir Path directory) throws Exception {
        Result result = java(directory, "migrate");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Applied "), result.output());
        assertTrue(Files.exists(directory.resolve("data").resolve("payengine.mv.db")));
    }

    @Test
    void the_jar_carries_no_signature_of_a_dependency_and_merges_the_service_registrations() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> signatures = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
            assertEquals(List.of(), signatures);
            String drivers = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(drivers.contains("org.h2.Driver") && drivers.contains("org.postgresql.Driver"), drivers);
            assertEquals("org.payengine.bootstrap.PayEngineCommand",
                    jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void serve_from_the_jar_stops_gracefully_on_sigterm(@TempDir Path directory) throws Exception {
        try (AntomSimulator antom = AntomSimulator.builder().port(0).build().start();
             RunningJar serve = RunningJar.start(JAR, directory, ServeEnvironment.of(antom, directory.resolve("data")),
                     "serve")) {
            URI base = URI.create(serve.awaitLine("PayEngine serving on (http://\\S+)", Duration.ofSeconds(90)));

            HttpResponse<String> health = Http.get(base.resolve("/health"));
            Optional<Integer> exit = serve.terminate(Duration.ofSeconds(30));

            assertEquals(200, health.statusCode(), health.body());
            assertEquals(Optional.of(143), exit, serve.output()); // 128 + SIGTERM, after the shutdown hook ran
            assertTrue(serve.output().contains("Stopping: no new requests"), serve.output());
            assertTrue(serve.output().endsWith("Stopped"), serve.output());
        }
    }

    @Test
    void the_demo_from_the_jar_answers_health_and_prints_its_api_key(@TempDir Path directory) throws Exception {
        try (RunningJar demo = RunningJar.start(JAR, directory, Map.of(), "demo", "--port", "0", "--simulator-port", "0")) {
            URI shop = URI.create(demo.awaitLine("Shop: +(http://\\S+)", Duration.ofSeconds(90)));
            String apiKey = demo.awaitLine("API key: +(\\S+)", Duration.ofSeconds(5));

            HttpResponse<String> health = Http.get(shop.resolve("/health"));
            demo.terminate(Duration.ofSeconds(30));

            assertEquals(200, health.statusCode(), health.body());
            assertEquals(apiKey, Files.readString(directory.resolve("data").resolve("api-key")).strip());
            assertTrue(Files.exists(directory.resolve("data").resolve("keys").resolve("client_id")));
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result java(Path workingDirectory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not exit: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
