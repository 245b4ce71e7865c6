package io.kubelift.checker;

/** PLACEHOLDER: API contract only; replaced by the checker branch. */
public final class Checker {
    public static Checker withDefaultChecks() { return new Checker(); }
    public Report check(CheckInput input, CheckOptions options) { throw new UnsupportedOperationException("placeholder until the checker branch lands"); }
}
