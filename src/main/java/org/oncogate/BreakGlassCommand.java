package org.oncogate;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.oncogate.audit.BreakGlass;
import org.oncogate.audit.BreakGlassRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code oncogate breakglass --operator ID --incident ID --reason TEXT --job JOBID [--part input|result]}:
 * an on-call operator's emergency read of one stored payload, to standard output only. Exit code 2 when
 * refused. Every attempt is in the audit log.
 */
@Command(name = "breakglass", description = "Emergency read of one job's stored payload by an on-call operator.")
final class BreakGlassCommand implements Callable<Integer> {

    static final String ON_CALL = "oncogate.breakglass.on-call";

    @ParentCommand
    OperatorCommands parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--operator", description = "your operator id, as on " + ON_CALL)
    String operator;

    @Option(names = "--incident", description = "the incident id")
    String incident;

    @Option(names = "--reason", description = "why (kept in the audit log as its SHA-256 only)")
    String reason;

    @Option(names = "--job", description = "the job id")
    String job;

    @Option(names = "--part", defaultValue = "result", description = "input or result (default)")
    String part;

    @Override
    public Integer call() throws Exception {
        BreakGlass.Part chosen = BreakGlass.Part.find(part)
                .orElseThrow(() -> new IllegalArgumentException("--part must be input or result"));
        Config config = parent.config();
        Storage storage = parent.storage();
        String onCall = config.find(ON_CALL);
        Set<String> operators = onCall == null ? Set.of() : Arrays.stream(onCall.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        BreakGlass breakGlass = new BreakGlass(storage.audit(), operators, storage.store(), storage.store()::read);
        try {
            byte[] payload = breakGlass.open(new BreakGlass.Request(operator, incident, reason, job, chosen));
            parent.out.write(payload);
            parent.out.flush();
            return 0;
        } catch (BreakGlassRefusedException e) {
            spec.commandLine().getErr().println("break-glass refused (" + e.outcome() + "): " + e.getMessage()
                    + "; the attempt is in the audit log");
            return 2;
        }
    }
}
