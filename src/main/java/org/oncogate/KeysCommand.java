package org.oncogate;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.oncogate.audit.AuditEntry;
import org.oncogate.store.KeyRotation;
import org.oncogate.store.OldKekVersionInUseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code oncogate keys rotate | rewrap | remove-old}: KEK versions and the bucket keysets wrapped under
 * them, each audited. A keyset to be stored by the operator (an {@code env:} KEK) goes to standard output.
 */
@Command(name = "keys", description = "Key-encryption key commands.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Rewrap.class, KeysCommand.RemoveOld.class})
final class KeysCommand {

    @ParentCommand
    OperatorCommands parent;

    /** One audited step: the action's objects on success, its failure recorded before it propagates. */
    abstract static class KeyStep implements Callable<Integer> {

        @ParentCommand
        KeysCommand keys;

        @Spec
        CommandSpec spec;

        abstract String action();

        abstract Map<String, String> run(Storage storage, KeyRotation rotation) throws Exception;

        @Override
        public Integer call() throws Exception {
            Storage storage = keys.parent.storage();
            KeyRotation rotation = new KeyRotation(storage.kek(), storage.store());
            try {
                Map<String, String> objects = run(storage, rotation);
                storage.audit().append(new AuditEntry.Event(actor(), action(), objects, "ok"));
                return 0;
            } catch (OldKekVersionInUseException e) {
                storage.audit().append(new AuditEntry.Event(actor(), action(),
                        Map.of("buckets-on-old-versions", Integer.toString(e.buckets())), "refused:in-use"));
                spec.commandLine().getErr().println("refused: " + e.getMessage());
                return 2;
            } catch (Exception e) {
                storage.audit().append(new AuditEntry.Event(actor(), action(), Map.of(), "failed"));
                throw e;
            }
        }

        void say(String message) {
            spec.commandLine().getErr().println(message);
        }

        void printForEnvironment(Optional<String> keyset) {
            keyset.ifPresent(k -> {
                keys.parent.out.println(k);
                say("the KEK is an environment variable: store the keyset printed on standard output there"
                        + " (it is not written anywhere) and restart the gateway with it");
            });
        }

        private static String actor() {
            String user = System.getProperty("user.name", "");
            return "operator:" + (user.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") ? user : "unknown");
        }
    }

    @Command(name = "rotate", description = "Add a KEK version as the new primary and re-wrap the live bucket keysets.")
    static final class Rotate extends KeyStep {

        @Override
        String action() {
            return "kek.rotate";
        }

        @Override
        Map<String, String> run(Storage storage, KeyRotation rotation) throws Exception {
            KeyRotation.Rotated rotated = rotation.rotate();
            printForEnvironment(rotated.keysetToStore());
            say("new KEK version " + rotated.newVersion() + " is primary; " + rotated.rewrapped()
                    + " bucket keyset(s) re-wrapped" + (rotated.keysetToStore().isPresent()
                    ? " (none yet: run keys rewrap once the gateway runs with the new keyset)" : ""));
            return Map.of("new-version", Long.toString(rotated.newVersion()),
                    "rewrapped", Integer.toString(rotated.rewrapped()));
        }
    }

    @Command(name = "rewrap", description = "Re-wrap the live bucket keysets under the KEK's current primary.")
    static final class Rewrap extends KeyStep {

        @Override
        String action() {
            return "kek.rewrap";
        }

        @Override
        Map<String, String> run(Storage storage, KeyRotation rotation) throws Exception {
            int rewrapped = rotation.rewrap();
            say(rewrapped + " bucket keyset(s) re-wrapped under " + storage.kek().describe());
            return Map.of("rewrapped", Integer.toString(rewrapped));
        }
    }

    @Command(name = "remove-old", description = "Drop the KEK's old versions; refused while a live keyset needs one.")
    static final class RemoveOld extends KeyStep {

        @Override
        String action() {
            return "kek.remove-old";
        }

        @Override
        Map<String, String> run(Storage storage, KeyRotation rotation) throws Exception {
            KeyRotation.Removed removed = rotation.removeOld();
            printForEnvironment(removed.keysetToStore());
            String versions = removed.removedVersions().stream().map(String::valueOf).collect(Collectors.joining("+"));
            say("removed KEK version(s): " + (versions.isEmpty() ? "none" : versions));
            return Map.of("removed-versions", versions.isEmpty() ? "none" : versions);
        }
    }
}
