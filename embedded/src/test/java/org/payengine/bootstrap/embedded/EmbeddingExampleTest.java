package org.payengine.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.shop.ShopPayments;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.persistence.Database;
import org.payengine.domain.order.OrderStatus;
import org.payengine.simulator.AntomSimulator;

/**
 * The README's embedding example cannot rot: it is this module's {@code ShopPayments} word for word, it compiles
 * against what an application depending on {@code payengine-embedded} gets and a JDBC driver, nothing else, and it
 * takes an order to paid and shipped against the simulator.
 */
class EmbeddingExampleTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path EXAMPLE = MODULE.resolve("src/test/java/com/example/shop/ShopPayments.java");
    /** Written by the build (maven-dependency-plugin): the artifact's compile and runtime dependencies. */
    private static final Path EMBEDDER_CLASSPATH = MODULE.resolve("target/embedder-classpath.txt");

    @Test
    void the_readme_shows_the_example_word_for_word() throws IOException {
        String readme = Files.readString(MODULE.resolveSibling("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- embedded/src/test/java/com/example/shop/ShopPayments.java -->\\s*"
                + "```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);

        assertTrue(block.find(), "the README's embedding section shows ShopPayments.java");
        assertEquals(Files.readString(EXAMPLE, StandardCharsets.UTF_8), block.group(1),
                "the README's example differs from ShopPayments.java: copy the file into the README");
    }

    @Test
    void an_embedder_gets_no_http_server_no_simulator_and_no_logging_backend() throws IOException {
        List<String> jars = embedderClasspath().stream().map(entry -> entry.getFileName().toString()).toList();

        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("payengine-adapters-persistence")), jars::toString);
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("slf4j-api")), jars::toString);
        for (String refused : List.of("undertow", "xnio", "payengine-antom-simulator", "payengine-adapters-http",
                "payengine-bootstrap", "logback", "slf4j-simple", "slf4j-jdk", "log4j-slf4j", "h2-", "postgresql")) {
            assertFalse(jars.stream().anyMatch(jar -> jar.startsWith(refused)),
                    () -> refused + " is on an embedder's classpath: " + jars);
        }
    }

    @Test
    void the_example_compiles_with_the_embedded_artifact_and_a_jdbc_driver_only(@TempDir Path classes)
            throws IOException, URISyntaxException {
        List<String> classpath = new ArrayList<>();
        classpath.add(MODULE.resolve("target/classes").toString()); // the artifact itself
        embedderClasspath().forEach(entry -> classpath.add(entry.toString()));
        classpath.add(Path.of(JdbcDataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString()); // the JDBC driver: H2's
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();

        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("--release", "17", "-proc:none", "-Xlint:all", "-Werror", "-d", classes.toString(),
                        "-classpath", String.join(File.pathSeparator, classpath)),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(EXAMPLE))
                .call();

        assertTrue(compiled, diagnostics::toString);
        assertTrue(Files.exists(classes.resolve("com/example/shop/ShopPayments.class")));
    }

    @Test
    void the_example_takes_an_order_to_paid_and_ships_it(@TempDir Path keys) throws InterruptedException {
        JdbcDataSource shopDatabase = new JdbcDataSource();
        shopDatabase.setURL(Database.prepareJdbcUrl("jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        CountDownLatch shipped = new CountDownLatch(1);
        List<String> shipments = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AntomSimulator antom = AntomSimulator.builder().port(0).keys(keys).build().start();
             ShopPayments shop = new ShopPayments(shopDatabase, AntomSettings.builder()
                     .clientId(antom.clientId())
                     .merchantPrivateKey(antom.merchantPrivateKey())
                     .antomPublicKey(antom.antomPublicKey())
                     .endpoint(antom.baseUrl())
                     .build(), "https://shop.example/return", orderId -> {
                         shipments.add(orderId);
                         shipped.countDown();
                     })) {
            String hostedPage = shop.checkout("order-1", "SGD", 4200, "buyer-1", "203.0.113.7");
            antom.completePayment(paymentIdOf(hostedPage), "4054695723100768", false); // the buyer pays there

            assertEquals(OrderStatus.PAID, shop.buyerReturned("order-1"));
            assertTrue(shipped.await(60, TimeUnit.SECONDS), "the workers delivered \"order paid\" to the sink");
            assertEquals("order-1", shipments.get(0));
            assertEquals(401, shop.antomNotification("POST", "/antom/notifications", Map.of(), new byte[0]).status(),
                    "an unsigned notification is refused");
        }
    }

    /** The simulator's hosted page is {@code /checkout/{paymentId}}. */
    private static String paymentIdOf(String hostedPage) {
        Matcher checkout = Pattern.compile("/checkout/([^/?#]+)").matcher(hostedPage);
        assertTrue(checkout.find(), hostedPage);
        return checkout.group(1);
    }

    private static List<Path> embedderClasspath() throws IOException {
        String text = Files.readString(EMBEDDER_CLASSPATH, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? List.of() : java.util.Arrays.stream(text.split(Pattern.quote(File.pathSeparator)))
                .map(Path::of).toList();
    }
}
