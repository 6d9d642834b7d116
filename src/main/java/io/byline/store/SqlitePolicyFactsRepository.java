package io.byline.store;

import io.byline.domain.Platform;
import io.byline.domain.Severity;
import io.byline.validation.DoNotEngage;
import io.byline.validation.Metric;
import io.byline.validation.PolicyFact;
import io.byline.validation.PolicyFacts;
import io.byline.validation.QuietPeriod;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class SqlitePolicyFactsRepository implements PolicyFactsRepository {
    /** Separates the names of a do-not-engage entry in one column (a character no name has). */
    private static final String SEP = "\u001f";

    @Override
    public Loaded load(Tx tx) {
        List<String> invalid = new ArrayList<>();
        List<PolicyFact> facts = new ArrayList<>();
        for (Object[] r : Jdbc.list(tx, "SELECT id, fact_id, metric, value, currency, period, disclosed_at, tolerance"
                + " FROM policy_fact ORDER BY id", SqlitePolicyFactsRepository::row)) {
            try {
                facts.add(new PolicyFact((String) r[1], Metric.fromId((String) r[2]).orElseThrow(), new BigDecimal((String) r[3]),
                        (String) r[4], (String) r[5], Instant.parse((String) r[6]), ((Number) r[7]).doubleValue()));
            } catch (RuntimeException e) {
                invalid.add("fact:" + r[0]);
            }
        }
        List<DoNotEngage> engage = new ArrayList<>();
        for (Object[] r : Jdbc.list(tx, "SELECT id, platform, handle, names, reason, severity FROM policy_do_not_engage ORDER BY id",
                SqlitePolicyFactsRepository::row)) {
            try {
                Platform p = r[1] == null ? null : Platform.fromId((String) r[1]).orElseThrow();
                String names = (String) r[3];
                engage.add(new DoNotEngage(p, (String) r[2], names.isEmpty() ? List.of() : Arrays.asList(names.split(SEP)),
                        (String) r[4], Severity.valueOf((String) r[5])));
            } catch (RuntimeException e) {
                invalid.add("do-not-engage:" + r[0]);
            }
        }
        List<QuietPeriod> quiet = new ArrayList<>();
        for (Object[] r : Jdbc.list(tx, "SELECT id, label, from_at, to_at, severity FROM policy_quiet_period ORDER BY id",
                SqlitePolicyFactsRepository::row)) {
            try {
                quiet.add(new QuietPeriod((String) r[1], Instant.parse((String) r[2]), Instant.parse((String) r[3]),
                        Severity.valueOf((String) r[4])));
            } catch (RuntimeException e) {
                invalid.add("quiet-period:" + r[0]);
            }
        }
        return new Loaded(new PolicyFacts(facts, engage, quiet), invalid);
    }

    private static Object[] row(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) out[i] = rs.getObject(i + 1);
        return out;
    }

    @Override
    public void replace(Tx tx, PolicyFacts p) {
        Jdbc.update(tx, "DELETE FROM policy_fact");
        Jdbc.update(tx, "DELETE FROM policy_do_not_engage");
        Jdbc.update(tx, "DELETE FROM policy_quiet_period");
        for (PolicyFact f : p.facts()) {
            Jdbc.insert(tx, "INSERT INTO policy_fact (fact_id, metric, value, currency, period, disclosed_at, tolerance)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", f.id(), f.metric().id(), f.value().toString(), f.currency(), f.period(),
                    Jdbc.timestamp(f.disclosedAt()), f.tolerance());
        }
        for (DoNotEngage d : p.doNotEngage()) {
            for (String n : d.names()) {
                if (n.contains(SEP)) throw new IllegalArgumentException("a name may not hold U+001F");
            }
            Jdbc.insert(tx, "INSERT INTO policy_do_not_engage (platform, handle, names, reason, severity) VALUES (?, ?, ?, ?, ?)",
                    d.platform() == null ? null : d.platform().id(), d.handle(), String.join(SEP, d.names()), d.reason(), d.severity());
        }
        for (QuietPeriod q : p.quietPeriods()) {
            Jdbc.insert(tx, "INSERT INTO policy_quiet_period (label, from_at, to_at, severity) VALUES (?, ?, ?, ?)", q.label(),
                    Jdbc.timestamp(q.from()), Jdbc.timestamp(q.to()), q.severity());
        }
        Jdbc.update(tx, "UPDATE policy_facts_stamp SET stamp = stamp + 1 WHERE id = 1");
    }

    @Override
    public String changeStamp(Tx tx) {
        return Jdbc.one(tx, "SELECT stamp FROM policy_facts_stamp WHERE id = 1", rs -> rs.getString(1)).orElse("");
    }
}
