package org.oncogate.store;

import java.util.Locale;

/** What a stored payload is; each kind has its own directory under the region root. */
public enum PayloadKind {
    INPUT, STATE, QUARANTINE;

    /** The directory name of this kind: "input", "state" or "quarantine". */
    public String dirName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
