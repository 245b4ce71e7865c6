package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.FactCheck;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** The app loads native code (JNI/JNA) */
final class NativeCodeCheck extends FactCheck {
    NativeCodeCheck() {
        super(
                check("TF02-NATIVE-CODE")
                        .severity(Severity.WARNING)
                        .summary("The app loads native code (JNI/JNA)")
                        .rationale(
                                "Factor II: native libraries are implicit dependencies on the operating system; the image must declare and ship them for its CPU architecture.")
                        .remediation(
                                "Install the native library in the image explicitly (and for each architecture you build), or use a pure-Java alternative."),
                FactKind.LEGACY_REMOTING);
    }

    @Override
    protected boolean matches(Fact f) {
        return subject(f).toLowerCase(java.util.Locale.ROOT).matches("jni|jna|native");
    }

    @Override
    protected String message(Fact f) {
        return "the code loads native code (" + subject(f) + "); the image must ship the library";
    }
}
