package io.kefu.plugin.api;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The value of a KPI over a period and how many tickets it rests on. No value (e.g. an average
 * over no tickets) is not zero: {@link #value()} is empty and {@link #note()} says why.
 */
@Stable
public record KpiValue(OptionalDouble value, long sampleSize, String note) {

    public KpiValue {
        Objects.requireNonNull(value, "value");
    }

    public static KpiValue of(double value, long sampleSize) {
        return new KpiValue(OptionalDouble.of(value), sampleSize, null);
    }

    public static KpiValue none(long sampleSize, String why) {
        return new KpiValue(OptionalDouble.empty(), sampleSize, why);
    }
}
