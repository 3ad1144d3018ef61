package org.boxoffice.loadtest.scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The command line of the flight scenario runner. Exit codes: 0 all invariants hold, 1 an
 * invariant is violated, 2 the run could not complete (cut off by {@code --max-duration}, the
 * server refused the set-up, a check could not be made), 64 the arguments are wrong.
 */
public final class FlightScenarioCommand {

    static final int USAGE = 64;

    private FlightScenarioCommand() {}

    public static void main(String[] args) {
        // exec:java runs in Maven's JVM: exiting here is what makes the scenario's verdict Maven's exit code.
        int exitCode = run(List.of(args), System.getenv(), workingDirectory(), System.out);
        System.out.flush();
        System.exit(exitCode);
    }

    static int run(List<String> arguments, Map<String, String> environment, Path workingDirectory, PrintStream out) {
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(OptionsParser.usage());
            return FlightScenario.PASSED;
        }
        Options options;
        try {
            options = new OptionsParser(
                            environment,
                            workingDirectory,
                            () -> ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                    .parse(arguments);
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.println();
            out.println(OptionsParser.usage());
            return USAGE;
        }
        try {
            return new FlightScenario(options, out).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("RESULT: INCOMPLETE (interrupted)");
            return FlightScenario.INCOMPLETE;
        }
    }

    /** Maven's wrapper names the repository root; run from anywhere else, the current directory. */
    private static Path workingDirectory() {
        var mavenRoot = System.getProperty("maven.multiModuleProjectDirectory");
        return Path.of(mavenRoot != null ? mavenRoot : System.getProperty("user.dir"));
    }
}
