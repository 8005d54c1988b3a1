package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.simulator.crypto.SelfSignedCertificate;
import org.payengine.simulator.crypto.SimulatorKeys;

class SimulatorCommandTest {

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SimulatorCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_prints_the_usage() {
        String output = run("--help");
        assertTrue(output.startsWith("0\n"), output);
        assertTrue(output.contains("--time-scale F") && output.contains("--no-control") && output.contains("--tls"));
    }

    @Test
    void bad_arguments_are_named_and_exit_with_2() {
        assertTrue(run("--port", "eighty").startsWith("2\nsimulator: --port must be an integer, was eighty"));
        assertTrue(run("--bogus").startsWith("2\nsimulator: unknown option --bogus"));
        assertTrue(run("--time-scale", "0").startsWith("2\nsimulator: --time-scale must be a positive number"));
        assertTrue(run("--keys").startsWith("2\nsimulator: --keys needs a value"));
    }

    @Test
    void the_flags_build_a_tls_simulator_on_the_keys_directory(@TempDir Path dir) {
        AntomSimulator.Builder builder = SimulatorCommand.parse(new String[] {"--port", "0", "--keys", dir.toString(), "--tls",
                "--time-scale", "60", "--no-control"});
        try (AntomSimulator antom = builder.build().start()) {
            assertTrue(antom.baseUrl().startsWith("https://127.0.0.1:"));
            assertTrue(Files.exists(dir.resolve(SelfSignedCertificate.CERTIFICATE_FILE)));
            assertEquals(antom.clientId(), SimulatorKeys.loadOrCreate(dir).clientId());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SimulatorCommand.describe(antom, new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains(antom.clientId()) && printed.contains(antom.baseUrl()));
            assertTrue(!printed.contains(antom.merchantPrivateKey().substring(0, 40)), "no key is printed");
        }
        assertThrows(IllegalArgumentException.class, () -> SimulatorCommand.parse(new String[] {"--port", "70000"}));
    }

    @Test
    void limits_and_latencies_are_set_per_api_from_the_command_line(@TempDir Path keys) {
        AntomSimulator.Builder builder = SimulatorCommand.parse(new String[] {"--port", "0", "--keys", keys.toString(),
                "--limit", "inquiryPayment=5,pay=0.5", "--latency", "pay=300ms,inquiryPayment=1.5s"});
        try (AntomSimulator antom = builder.build().start()) {
            assertEquals(java.util.Map.of("inquiryPayment", 5.0, "pay", 0.5), antom.sandbox().limits());
            assertEquals(java.util.Map.of("pay", java.time.Duration.ofMillis(300), "inquiryPayment",
                    java.time.Duration.ofMillis(1500)), antom.sandbox().latencies());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SimulatorCommand.describe(antom, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("limit:     inquiryPayment 5.0 calls a second"));
        }
        assertTrue(run("--limit", "payy=5").startsWith("2\nsimulator: api must be one of"));
        assertTrue(run("--limit", "pay").startsWith("2\nsimulator: --limit takes API=VALUE pairs"));
        assertTrue(run("--latency", "pay=soon").startsWith("2\nsimulator: 'soon' is not a latency"));
    }
}
