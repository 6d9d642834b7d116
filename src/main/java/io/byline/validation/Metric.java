package io.byline.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * The financial metrics a disclosed fact can be about, each with the English and Bahasa Indonesia words that name
 * it in a post. {@link #GROWTH} is a percentage; {@link #USERS}, {@link #CUSTOMERS} and {@link #ORDERS} are counts;
 * the rest are money.
 */
public enum Metric {
    REVENUE("revenue", Kind.MONEY, "revenue", "revenues", "turnover", "top line", "topline", "pendapatan", "omzet", "omset"),
    PROFIT("profit", Kind.MONEY, "profit", "profits", "net income", "earnings", "laba", "keuntungan", "untung"),
    EBITDA("ebitda", Kind.MONEY, "ebitda"),
    SALES("sales", Kind.MONEY, "sales", "penjualan"),
    USERS("users", Kind.COUNT, "users", "user", "pengguna", "subscribers", "pelanggan aktif"),
    CUSTOMERS("customers", Kind.COUNT, "customers", "clients", "pelanggan", "nasabah", "klien"),
    ORDERS("orders", Kind.COUNT, "orders", "transactions", "pesanan", "transaksi"),
    GROWTH("growth", Kind.PERCENT, "growth", "grew", "grow", "grows", "rose", "increase", "increased",
            "pertumbuhan", "tumbuh", "naik", "meningkat", "kenaikan");

    /** What the figures of a metric are. */
    public enum Kind { MONEY, COUNT, PERCENT }

    private final String id;
    private final Kind kind;
    private final String[] words;

    Metric(String id, Kind kind, String... words) {
        this.id = id;
        this.kind = kind;
        this.words = words;
    }

    /** The id used in policy files ({@code revenue}, {@code ebitda} …). */
    public String id() { return id; }

    public Kind kind() { return kind; }

    /** The words that name it in a post (lower case, English and Bahasa Indonesia). */
    public String[] words() { return words.clone(); }

    String[] wordsShared() { return words; }

    public static Optional<Metric> fromId(String id) {
        if (id == null) return Optional.empty();
        String s = id.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) if (m.id.equals(s)) return Optional.of(m);
        return Optional.empty();
    }
}
