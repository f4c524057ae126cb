package org.oncogate;

import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.oncogate.inference.evaluation.EvaluateCommand;

/**
 * Starts the gateway: Camel Main with the YAML routes under routes/ and the beans of
 * {@link OncogateConfiguration}; or, with a command first ({@code new-kek}, {@code audit verify},
 * {@code breakglass}, {@code keys}), one of the {@link OperatorCommands}; or {@code eval <labelled.jsonl>},
 * which measures the rules engine on labelled reports.
 */
public final class Oncogate {

    private Oncogate() {
    }

    public static void main(String[] args) throws Exception {
        if (OperatorCommands.isCommand(args)) {
            System.setProperty("oncogate.log-target", "SYSTEM_ERR"); // before the first logger: stdout is the payload's
            System.exit(OperatorCommands.run(args, new Properties(), Clock.systemUTC(), System.out, System.err));
        }
        if (args.length >= 1 && args[0].equals("eval")) {
            System.exit(new EvaluateCommand(System.out, System.err).run(Arrays.asList(args).subList(1, args.length)));
        }
        Main main = new Main();
        main.configure().addConfiguration(OncogateConfiguration.class);
        main.run(args);
    }
}
