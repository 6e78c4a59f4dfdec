package org.loghandlers.receivers.wire;

/**
 * A pickle that would name, build or call an object (GLOBAL, STACK_GLOBAL, REDUCE, BUILD, INST, OBJ, NEWOBJ,
 * PERSID, EXT...) or hold a type we do not accept: refused before anything it names is looked up. Such a pickle is
 * what an attacker sends to run code in a Python receiver ({@code os.system} via {@code __reduce__}).
 */
public final class RefusedPickleException extends WireFormatException {

    private static final long serialVersionUID = 1L;

    private final String opcode;

    public RefusedPickleException(String opcode, String message) {
        super(message);
        this.opcode = opcode;
    }

    /** The refused opcode's name in Python's {@code pickletools} spelling, such as {@code GLOBAL}. */
    public String opcode() {
        return opcode;
    }
}
