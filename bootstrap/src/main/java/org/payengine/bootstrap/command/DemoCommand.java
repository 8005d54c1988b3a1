package org.payengine.bootstrap.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.payengine.adapters.http.webhook.WebhookSettings;
import org.payengine.bootstrap.Demo;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.config.WebhookConfiguration;

/** {@code demo}: the engine with its demo shop, a local Antom simulator and an embedded database, on 127.0.0.1. */
public final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the engine with its demo shop, a local Antom simulator and an embedded H2, on 127.0.0.1";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar payengine.jar demo [--port N] [--simulator-port N] [--data DIR]

                Runs everything on this machine, on 127.0.0.1 only: the engine with its demo shop, a local
                Antom simulator (Antom's API, hosted card page and notifications) and an embedded H2 database.
                On first run it creates, under the data directory, the keys of the merchant and of the
                simulated Antom (keys/) and an API key for the merchant API (api-key). It prints the URLs
                and the API key. Stop it with Ctrl-C; the next start finds everything where it was.
                The engine's events go to the log, or, with PAYENGINE_WEBHOOK_URL and PAYENGINE_WEBHOOK_SECRET
                (or _FILE) set in the environment, to that URL as signed webhooks.

                  --port N             the engine's port (default 8080)
                  --simulator-port N   the simulator's port (default 8081)
                  --data DIR           where the database, the keys and the API key live (default ./data)
                  --help               print this help
                """;
    }

    @Override
    public boolean longRunning() {
        return true;
    }

    @Override
    public int run(List<String> args, Map<String, String> environment, PrintStream out) throws InterruptedException {
        Options options = Options.parse(args, Set.of("--port", "--simulator-port", "--data"), Set.of());
        if (options.help()) {
            out.print(usage());
            return OK;
        }
        Optional<WebhookSettings> webhook = WebhookConfiguration.read(ConfigurationValues.from(environment, null));
        Demo.Settings settings = new Demo.Settings(options.port("--port", 8080),
                options.port("--simulator-port", 8081), Path.of(options.value("--data").orElse("data")), webhook);
        Demo demo = Demo.start(settings);
        ShutdownSignal signal = new ShutdownSignal("demo", demo::stop);
        demo.describe(out);
        signal.await();
        return OK;
    }
}
