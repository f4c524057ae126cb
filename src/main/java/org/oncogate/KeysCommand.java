package org.oncogate;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code oncogate keys rotate | rewrap | remove-old}: KEK versions and the bucket keysets wrapped under them. */
@Command(name = "keys", description = "Key-encryption key commands.")
final class KeysCommand {

    @ParentCommand
    OperatorCommands parent;
}
