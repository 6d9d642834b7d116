package io.byline.domain;

/** How serious a finding is; ordered from least to most serious. */
public enum Severity {
    /** Worth knowing; never stops anything. */
    INFO,
    /** Needs an acknowledgement before approval. */
    WARN,
    /** Cannot be approved or published without an override with a written reason. */
    BLOCK;

    /** The more serious of two severities; {@code null} counts as nothing found. */
    public static Severity worst(Severity a, Severity b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }
}
