package org.payengine.bootstrap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.payengine.simulator.SimulatorCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code simulator}: the Antom simulator alone, exactly as its own command line runs it. Its options (and its
 * {@code --help}) are the simulator's, passed on untouched: the simulator depends on no engine module, this
 * launcher's included.
 */
@Command(name = "simulator",
        description = "A local Antom: --port N --keys DIR [--tls] [--time-scale F] [--no-control]; see --help.")
public final class SimulatorCommandLine implements Callable<Integer>, ServesUntilStopped {

    private final CommandEnvironment environment;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    public SimulatorCommandLine(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return SimulatorCommand.run(arguments.toArray(String[]::new), environment.out());
    }
}
