package org.oncogate;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.oncogate.store.KekSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator commands of {@code java -jar oncogate.jar}: {@code new-kek}, {@code audit verify},
 * {@code breakglass}, {@code keys ...}. They read the same configuration as the gateway (the packaged
 * application.properties, -D, environment) and work on the same data directory, while it runs or not.
 */
@Command(name = "oncogate", mixinStandardHelpOptions = true,
        description = "Without a command: run the gateway. With one: an operator command.",
        subcommands = {OperatorCommands.NewKek.class, AuditCommand.class, BreakGlassCommand.class, KeysCommand.class})
final class OperatorCommands {

    /** Exit code of a command line that does not parse (sysexits' EX_USAGE). */
    static final int USAGE = 64;
    private static final Set<String> NAMES = Set.of("new-kek", "audit", "breakglass", "keys", "--help", "-h");

    final Properties overrides;
    final Clock clock;
    final PrintStream out;

    private OperatorCommands(Properties overrides, Clock clock, PrintStream out) {
        this.overrides = overrides;
        this.clock = clock;
        this.out = out;
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /**
     * Runs one command; returns its exit code: 0 done, 1 failed (or the audit log is broken), 2 refused,
     * 64 a command line that does not parse. Payloads (break-glass) and keys (new-kek) go to {@code out}
     * only, everything said to the operator to {@code err}. {@code overrides} win over every other source.
     */
    static int run(String[] args, Properties overrides, Clock clock, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new OperatorCommands(overrides, clock, out));
        commandLine.setOut(new PrintWriter(err, true)); // help and usage are for the operator, not for stdout
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return USAGE; // not 2: that is a refusal (breakglass, keys remove-old)
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // messages name files, ids and settings; causes are left out as they could quote content
            cmd.getErr().println("oncogate " + cmd.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    /** The gateway's configuration, without starting a gateway. */
    Config config() {
        CamelContext context = new DefaultCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setLocation("classpath:application.properties");
        properties.setOverrideProperties(overrides);
        context.build();
        return new Config(properties);
    }

    Storage storage() {
        return Storage.open(config(), clock);
    }

    @Command(name = "new-kek", description = "Print a new KEK for oncogate.kek=env:NAME (base64 Tink JSON keyset).")
    static final class NewKek implements Callable<Integer> {

        @CommandLine.ParentCommand
        OperatorCommands parent;

        @Override
        public Integer call() throws Exception {
            parent.out.println(KekSource.generateForEnvironment());
            return 0;
        }
    }
}
