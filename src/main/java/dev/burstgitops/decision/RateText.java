package dev.burstgitops.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats request rates and thresholds the way people write them: 15, 12.5, 19.97. */
public final class RateText {

    private RateText() {
    }

    public static String format(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
