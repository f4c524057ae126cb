package org.oncogate;

import org.apache.camel.main.Main;

/** Starts the gateway: Camel Main with the YAML routes under routes/ and the beans of {@link OncogateConfiguration}. */
public final class Oncogate {

    private Oncogate() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(OncogateConfiguration.class);
        main.run(args);
    }
}
