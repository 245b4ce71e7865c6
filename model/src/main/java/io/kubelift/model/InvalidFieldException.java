package io.kubelift.model;

/**
 * A record's constructor refusing the value of one of its own fields: it names the field so the
 * plan reader can report the line that holds the value (Jackson reports a failed constructor at the
 * end of the enclosing object, for the root record the end of the file).
 */
final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
