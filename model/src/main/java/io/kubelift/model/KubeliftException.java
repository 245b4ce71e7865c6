package io.kubelift.model;

/**
 * An error the user can fix. The message has the form {@code path:line: what is wrong — what to do}; front
 * ends print it as one line (no stack trace) and exit with {@link #exitCode()}.
 */
public class KubeliftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the command failed, which decides the process exit code. */
    public enum Kind {
        USAGE(2), BAD_INPUT(3), INTERNAL(4);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public KubeliftException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public KubeliftException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static KubeliftException badInput(String location, String problem, String hint) {
        return new KubeliftException(Kind.BAD_INPUT, format(location, problem, hint));
    }

    public static KubeliftException usage(String problem, String hint) {
        return new KubeliftException(Kind.USAGE, format(null, problem, hint));
    }

    /** {@code location: problem — hint}, leaving out what is null. */
    public static String format(String location, String problem, String hint) {
        StringBuilder sb = new StringBuilder();
        if (location != null && !location.isEmpty()) {
            sb.append(location).append(": ");
        }
        sb.append(problem);
        if (hint != null && !hint.isEmpty()) {
            sb.append(" — ").append(hint);
        }
        return sb.toString();
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
