package io.byline.domain;

import java.util.Locale;

/** File formats for exports of the audit log. */
public enum ExportFormat {
    /** One JSON object per line. */
    JSONL,
    /** Comma-separated values (RFC 4180), cells that a spreadsheet would run as formulas defused. */
    CSV;

    /** The format a file name suggests: {@code .csv} → CSV, anything else → JSON lines. */
    public static ExportFormat forFile(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
    }
}
