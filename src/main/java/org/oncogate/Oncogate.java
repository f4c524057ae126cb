package org.oncogate;

import java.util.Arrays;
import org.apache.camel.main.Main;
import org.oncogate.inference.evaluation.EvaluateCommand;
import org.oncogate.store.KekSource;

/**
 * Starts the gateway: Camel Main with the YAML routes under routes/ and the beans of
 * {@link OncogateConfiguration}. {@code new-kek} instead prints a new key-encryption key for
 * {@code oncogate.kek=env:NAME}; {@code eval <labelled.jsonl>} measures the rules engine on labelled reports.
 */
public final class Oncogate {

    private Oncogate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("new-kek")) {
            System.out.println(KekSource.generateForEnvironment());
            return;
        }
        if (args.length >= 1 && args[0].equals("eval")) {
            System.exit(new EvaluateCommand(System.out, System.err).run(Arrays.asList(args).subList(1, args.length)));
        }
        Main main = new Main();
        main.configure().addConfiguration(OncogateConfiguration.class);
        main.run(args);
    }
}
