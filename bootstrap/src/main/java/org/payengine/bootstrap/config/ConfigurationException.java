package org.payengine.bootstrap.config;

import java.util.List;

/**
 * The configuration cannot start the engine. Holds every problem found, each naming its setting and the
 * reason (never a secret's value), so that one start-up attempt tells everything there is to fix.
 */
public final class ConfigurationException extends RuntimeException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        StringBuilder message = new StringBuilder("The configuration has ")
                .append(problems.size() == 1 ? "a problem" : problems.size() + " problems").append(':');
        for (String problem : problems) {
            message.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return message.toString();
    }
}
