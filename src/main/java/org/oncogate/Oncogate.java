package org.oncogate;

import org.apache.camel.main.Main;
import org.oncogate.store.KekSource;

/**
 * Starts the gateway: Camel Main with the YAML routes under routes/ and the beans of
 * {@link OncogateConfiguration}. {@code new-kek} instead prints a new key-encryption key for
 * {@code oncogate.kek=env:NAME}.
 */
public final class Oncogate {

    private Oncogate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("new-kek")) {
            System.out.println(KekSource.generateForEnvironment());
            return;
        }
        Main main = new Main();
        main.configure().addConfiguration(OncogateConfiguration.class);
        main.run(args);
    }
}
