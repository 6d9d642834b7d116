package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A deliberately small stand-in for the validation pipeline, used until {@code io.byline.validation.Validator}
 * is wired in: whole-word, case-insensitive matches of policy terms and patterns (respecting embargoes and
 * allowed phrases) and a plain character count against the platform limit. It does not see through evasion.
 */
final class InterimPolicyChecker implements PostChecker {
    private record Entry(PolicyEntry entry, Pattern pattern) {}

    private final List<Entry> entries = new ArrayList<>();
    private final List<Pattern> allow = new ArrayList<>();

    InterimPolicyChecker(PolicyProvider.Snapshot snapshot) {
        for (PolicyEntry e : snapshot.entries()) {
            if (e.retired()) continue;
            try {
                Pattern p = e.isPattern() ? Pattern.compile(e.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        : words(e.term());
                entries.add(new Entry(e, p));
            } catch (PatternSyntaxException ignored) {
                // a bad pattern is refused at import by the real pipeline; here it is skipped
            }
        }
        for (String a : snapshot.allow()) allow.add(words(a));
    }

    private static Pattern words(String phrase) {
        String[] parts = phrase.strip().split("\\s+");
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) sb.append("\\s+");
            sb.append(Pattern.quote(parts[i]));
        }
        sb.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public List<Finding> check(String text, Platform platform, Instant publishAt, Account account) {
        List<Finding> out = new ArrayList<>();
        List<int[]> allowed = new ArrayList<>();
        for (Pattern a : allow) {
            Matcher m = a.matcher(text);
            while (m.find()) allowed.add(new int[] {m.start(), m.end()});
        }
        for (Entry e : entries) {
            PolicyEntry pe = e.entry();
            if (pe.embargoUntil() != null && publishAt != null && !publishAt.isBefore(pe.embargoUntil())) continue;
            Matcher m = e.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) continue;
                int s = m.start();
                int en = m.end();
                if (allowed.stream().anyMatch(r -> r[0] <= s && en <= r[1])) continue;
                out.add(new Finding("lexicon", pe.severity(), s, en, text.substring(s, en), pe.category(),
                        String.valueOf(pe.id()), pe.text(), "finding.lexicon." + pe.severity().name().toLowerCase(Locale.ROOT),
                        "Confidential " + pe.category()));
            }
        }
        int count = text.codePointCount(0, text.length());
        if (count > platform.limit()) {
            int cut = text.offsetByCodePoints(0, platform.limit());
            out.add(new Finding("length", Severity.BLOCK, cut, text.length(), text.substring(cut), platform.id(), null, null,
                    "finding.length", "Longer than " + platform.displayName() + " allows"));
        }
        out.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return out;
    }
}
