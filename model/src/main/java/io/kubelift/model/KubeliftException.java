package io.kubelift.model;

/**
 * An error the user can fix. The message has the form {@code path:line: what is wrong — what to
 * do}; front ends print it as one line (no stack trace) and exit with {@link #exitCode()}.
 */
public class KubeliftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the command failed, which decides the process exit code. */
    public enum Kind {
        USAGE(2),
        BAD_INPUT(3),
        INTERNAL(4);

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

    /**
     * {@code location: problem — hint}, leaving out what is null. The parts often quote the input
     * (a file name, a key), which may be hostile: control characters are shown as escapes, so the
     * message stays one line and cannot drive the terminal.
     */
    public static String format(String location, String problem, String hint) {
        StringBuilder sb = new StringBuilder();
        if (location != null && !location.isEmpty()) {
            appendPrintable(sb, location).append(": ");
        }
        appendPrintable(sb, problem);
        if (hint != null && !hint.isEmpty()) {
            appendPrintable(sb.append(" — "), hint);
        }
        return sb.toString();
    }

    private static StringBuilder appendPrintable(StringBuilder sb, String s) {
        if (s == null) {
            return sb.append("null");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
