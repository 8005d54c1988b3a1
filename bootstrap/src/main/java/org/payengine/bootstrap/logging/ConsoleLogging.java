package org.payengine.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import org.payengine.bootstrap.config.Setting;

/**
 * The standalone engine's logging, set up in code: console lines for people (time, level, thread, logger, message),
 * the engine at {@code PAYENGINE_LOG_LEVEL} (INFO by default), the libraries quieted to what an operator acts on.
 * Found by logback through {@code META-INF/services}; doing it in code spares every start the parsing of an XML
 * configuration, a good part of logback's own start-up.
 *
 * <p>A configuration of one's own still wins: with {@code -Dlogback.configurationFile=FILE}, or a
 * {@code logback-test.xml} or {@code logback.xml} on the class path (an application embedding the engine, tests),
 * this steps aside and logback reads that file as usual. PayEngine logs no secret and no card data.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /** The engine's own log level; the libraries below stay at WARN whatever it says. */
    public static final String LEVEL_VARIABLE = Setting.LOG_LEVEL.variable();

    private static final List<String> QUIET_LIBRARIES = List.of("com.zaxxer.hikari", "org.flywaydb", "io.undertow",
            "org.xnio", "org.jboss", "org.jdbi", "h2database");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (ownConfigurationGiven()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        ConsoleLine layout = new ConsoleLine();
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("org.payengine").setLevel(engineLevel(System.getenv(LEVEL_VARIABLE)));
        for (String library : QUIET_LIBRARIES) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private boolean ownConfigurationGiven() {
        ClassLoader loader = ConsoleLogging.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }

    /** The level named (any case: {@code DEBUG}, {@code warn}, …); INFO when unset or not a level. */
    static Level engineLevel(String name) {
        return name == null ? Level.INFO : Level.toLevel(name.strip(), Level.INFO);
    }
}
