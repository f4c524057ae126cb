package org.oncogate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oncogate.audit.AuditChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code oncogate audit verify}: checks the audit log's hash chain; exit code 1 names the first broken line. */
@Command(name = "audit", description = "Audit log commands.", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @ParentCommand
    OperatorCommands parent;

    @Command(name = "verify", description = "Check the audit log's hash chain and name the first broken entry.")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path dir = Path.of(audit.parent.config().get("oncogate.data-dir")).resolve("audit");
            AuditChain.Verification result = AuditChain.verify(dir);
            var err = spec.commandLine().getErr();
            if (result.intact()) {
                err.println("audit log " + dir + ": intact, " + result.entries() + " entries");
                return 0;
            }
            err.println("audit log " + dir + ": BROKEN at line " + result.brokenLine().orElseThrow() + " of "
                    + result.entries() + ": " + result.problem());
            return 1;
        }
    }
}
