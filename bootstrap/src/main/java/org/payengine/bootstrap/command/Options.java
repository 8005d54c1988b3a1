package org.payengine.bootstrap.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The options of one command: {@code --name value} pairs and {@code --flag}s, each allowed at most once. */
final class Options {

    private final Map<String, String> values;
    private final Set<String> flags;

    private Options(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * @param valued the options that take a value
     * @param flags  the options that stand alone ({@code --help} is always one)
     * @throws UsageException for an unknown option, a missing value or a repeated option
     */
    static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).equals("-h") ? "--help" : args.get(i);
            boolean known = valued.contains(arg) || flags.contains(arg) || arg.equals("--help");
            if (!known) {
                throw new UsageException("unknown option " + arg);
            }
            if (values.containsKey(arg) || given.contains(arg)) {
                throw new UsageException(arg + " is given twice");
            }
            if (valued.contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(arg + " needs a value");
                }
                values.put(arg, args.get(++i));
            } else {
                given.add(arg);
            }
        }
        return new Options(values, given);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    boolean help() {
        return flags.contains("--help");
    }

    /** A port number given as an option, or {@code absent}. */
    int port(String option, int absent) {
        Optional<String> text = value(option);
        if (text.isEmpty()) {
            return absent;
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port < 0 || port > 65535) {
                throw new UsageException(option + " must be between 0 and 65535, was " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a port number, was '" + text.get() + "'");
        }
    }
}
