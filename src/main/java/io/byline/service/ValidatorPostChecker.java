package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.PolicyEntry;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.validation.AccountContext;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyFacts;
import io.byline.validation.PolicyTerm;
import io.byline.validation.PostInput;
import io.byline.validation.Validator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The post services' checker over the validation pipeline. Policy entries keep their store id as term id, so
 * findings, overrides and the audit log refer to entries by id, never by their text.
 *
 * <p>A stored policy should always compile (imports and the policy editor validate it). If it does not, the entry
 * at fault is left out and the checker fails closed: every check then carries a BLOCK finding
 * {@code policy.invalid} naming the entry's id, so nothing is approved or published on a policy that is not fully
 * applied until it is fixed (or Legal overrides it). An exact duplicate of another term is simply dropped.
 */
final class ValidatorPostChecker implements PostChecker {
    private static final Logger LOG = Logger.getLogger(ValidatorPostChecker.class.getName());
    private static final int MAX_REPAIRS = 1000;

    private final Validator validator;
    private final List<String> invalidEntryIds;

    private ValidatorPostChecker(Validator validator, List<String> invalidEntryIds) {
        this.validator = validator;
        this.invalidEntryIds = List.copyOf(invalidEntryIds);
    }

    static PostChecker compile(PolicyProvider.Snapshot snapshot) {
        List<PolicyTerm> terms = new ArrayList<>();
        for (PolicyEntry e : snapshot.entries()) {
            if (e.retired()) continue;
            terms.add(new PolicyTerm(String.valueOf(e.id()), e.term(), e.pattern(), e.category(), e.severity(),
                    e.embargoUntil(), e.note()));
        }
        List<String> invalid = new ArrayList<>(snapshot.invalidFacts());
        PolicyFacts facts = snapshot.facts();
        try {
            CompiledPolicy.compile(Policy.empty().withFacts(facts));
        } catch (PolicyException ex) {
            LOG.warning(() -> "The stored facts do not compile (" + ex.reason() + "); checking without them.");
            invalid.add("facts");
            facts = PolicyFacts.empty();
        }
        for (int attempt = 0; attempt <= MAX_REPAIRS; attempt++) {
            try {
                CompiledPolicy compiled = CompiledPolicy.compile(new Policy("workspace", terms, snapshot.allow(),
                        snapshot.internalDomains(), facts));
                return new ValidatorPostChecker(new Validator(compiled), invalid);
            } catch (PolicyException ex) {
                int i = ex.entryIndex();
                if (i < 0 || i >= terms.size()) {
                    LOG.warning(() -> "The stored policy does not compile (" + ex.reason() + "); checking with terms only.");
                    invalid.add("allow-or-domains");
                    return fallback(terms, facts, invalid);
                }
                PolicyTerm bad = terms.remove(i);
                if (!ex.reason().startsWith("duplicate")) {
                    invalid.add(bad.id());
                    LOG.warning(() -> "Policy entry " + bad.id() + " does not compile (" + ex.reason() + "); it is left out.");
                }
            }
        }
        throw new IllegalStateException("the stored policy could not be repaired");
    }

    private static PostChecker fallback(List<PolicyTerm> terms, PolicyFacts facts, List<String> invalid) {
        try {
            return new ValidatorPostChecker(new Validator(CompiledPolicy.compile(new Policy("workspace", terms, List.of(),
                    List.of(), facts))), invalid);
        } catch (PolicyException e) {
            throw new IllegalStateException("the stored policy does not compile: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Finding> check(String text, Platform platform, Instant publishAt, Account account) {
        return check(text, platform, publishAt, account, null);
    }

    @Override
    public List<Finding> check(String text, Platform platform, Instant publishAt, Account account, String replyTo) {
        AccountContext ctx = account == null ? null : new AccountContext(account.capacity() == Capacity.PERSONAL
                ? AccountContext.Capacity.PERSONAL : AccountContext.Capacity.OFFICIAL, account.bio(),
                account.disclaimer().isBlank() ? null : account.disclaimer(), false);
        List<Finding> found = validator.validate(new PostInput(text, platform, publishAt, ctx, replyTo, null)).findings();
        if (invalidEntryIds.isEmpty()) return found;
        List<Finding> out = new ArrayList<>(found);
        for (String id : invalidEntryIds) {
            out.add(new Finding(RuleIds.POLICY_INVALID, Severity.BLOCK, 0, 0, "", "policy", id, null, "finding.policy.invalid",
                    "A policy entry could not be applied; fix the policy"));
        }
        return out;
    }
}
