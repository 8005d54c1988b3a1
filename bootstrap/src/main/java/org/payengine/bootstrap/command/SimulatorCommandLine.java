package org.payengine.bootstrap.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.payengine.simulator.SimulatorCommand;

/** {@code simulator}: the Antom simulator alone, exactly as its own command line runs it. */
public final class SimulatorCommandLine implements Command {

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public String summary() {
        return "a local Antom: --port N --keys DIR [--tls] [--time-scale F] [--no-control]";
    }

    @Override
    public String usage() {
        return "Run 'java -jar payengine.jar simulator --help' for the simulator's options.\n";
    }

    @Override
    public boolean longRunning() {
        return true;
    }

    @Override
    public int run(List<String> args, Map<String, String> environment, PrintStream out) {
        return SimulatorCommand.run(args.toArray(String[]::new), out);
    }
}
