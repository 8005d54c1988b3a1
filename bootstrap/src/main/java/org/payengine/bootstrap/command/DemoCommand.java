package org.payengine.bootstrap.command;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.payengine.adapters.http.webhook.WebhookSettings;
import org.payengine.bootstrap.Demo;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.config.WebhookConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the engine with its demo shop, a local Antom simulator and an embedded database, on 127.0.0.1. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The engine with its demo shop, a local Antom simulator and an embedded H2, on 127.0.0.1.",
        footerHeading = "%n", footer = {
            "Runs everything on this machine, on 127.0.0.1 only: the engine with its demo shop, a local Antom",
            "simulator (Antom's API, hosted card page and notifications) and an embedded H2 database. On first",
            "run it creates, under the data directory, the keys of the merchant and of the simulated Antom",
            "(keys/) and an API key for the merchant API (api-key). It prints the URLs and the API key. Stop it",
            "with Ctrl-C; the next start finds everything where it was. The engine's events go to the log, or,",
            "with PAYENGINE_WEBHOOK_URL and PAYENGINE_WEBHOOK_SECRET (or _FILE) set in the environment, to that",
            "URL as signed webhooks."})
public final class DemoCommand implements Callable<Integer>, ServesUntilStopped {

    private final CommandEnvironment environment;

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class, description = "the engine's port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 8080;

    @Option(names = "--simulator-port", paramLabel = "N", converter = PortNumber.class,
            description = "the simulator's port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int simulatorPort = 8081;

    @Option(names = "--data", paramLabel = "DIR",
            description = "where the database, the keys and the API key live (default ${DEFAULT-VALUE})")
    Path data = Path.of("data");

    public DemoCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<WebhookSettings> webhook = WebhookConfiguration.read(
                ConfigurationValues.from(environment.variables(), null));
        Demo demo = Demo.start(new Demo.Settings(port, simulatorPort, data, webhook));
        ShutdownSignal signal = new ShutdownSignal("demo", demo::stop);
        demo.describe(environment.out());
        signal.await();
        return ExitCode.OK;
    }
}
