package org.payengine.bootstrap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's CPU time by kind of thread, from Linux's {@code /proc/<pid>/task/<tid>/stat}: threads are grouped by
 * their name with the digits taken out ({@code C2 CompilerThre#}, {@code XNIO-# task-#}, {@code GC Thread##}), so the
 * JIT compilers, the garbage collector, the HTTP server and the workers can be told apart. Threads that ended took
 * their time with them: the groups add up to at most the process's total. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

    private static final double MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private ThreadCpu() {
    }

    /** CPU milliseconds (user and system) per thread group of process {@code pid}, of the threads alive now. */
    static Map<String, Double> byGroup(long pid) {
        Map<String, Double> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // pid (name) state ppid ... : the name may hold spaces and parentheses, so split after the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
                    groups.merge(name.replaceAll("[0-9]", "#"), millis, Double::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            });
        } catch (IOException noProc) {
            return Map.of();
        }
        return groups;
    }

    /** What each group spent between two readings, largest first; groups that spent nothing are left out. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new java.util.LinkedHashMap<>();
        after.entrySet().stream()
                .map(group -> Map.entry(group.getKey(), group.getValue() - before.getOrDefault(group.getKey(), 0.0)))
                .filter(group -> group.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(group -> spent.put(group.getKey(), group.getValue()));
        return spent;
    }
}
