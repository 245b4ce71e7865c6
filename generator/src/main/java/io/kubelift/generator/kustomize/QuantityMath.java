package io.kubelift.generator.kustomize;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubelift.model.KubeliftException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sums of Kubernetes quantities, for quotas. */
final class QuantityMath {
    private QuantityMath() {}

    static BigDecimal amount(String q, String what) {
        try {
            return Quantity.getAmountInBytes(new Quantity(q));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw KubeliftException.badInput(
                    "plan",
                    what + " '" + q + "' is not a Kubernetes quantity",
                    "use e.g. cpu: \"500m\", memory: 1536Mi");
        }
    }

    static String millicores(BigDecimal cores) {
        return cores.multiply(BigDecimal.valueOf(1000))
                        .setScale(0, RoundingMode.CEILING)
                        .toPlainString()
                + "m";
    }

    static String mebibytes(BigDecimal bytes) {
        return bytes.divide(BigDecimal.valueOf(1024L * 1024L), 0, RoundingMode.CEILING)
                        .toPlainString()
                + "Mi";
    }
}
