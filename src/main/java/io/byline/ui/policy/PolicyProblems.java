package io.byline.ui.policy;

import io.byline.service.PolicyTransferService;
import io.byline.ui.common.I18n;

import java.util.List;

/**
 * Policy problems in the user's language: the reason from its bundle key and arguments (the English text when
 * there is no key, or the key is not in the bundles), with the entry, the line and the column around it.
 */
final class PolicyProblems {
    private PolicyProblems() {}

    /** The reason alone, e.g. "istilahnya kosong". */
    static String reason(I18n i18n, String key, List<Object> args, String english) {
        if (key == null || !i18n.has(key)) return english == null ? "" : english;
        return i18n.text(key, args.toArray());
    }

    /**
     * One import error: "Line 3, column 5: terms[2] "Foo": empty term". Without a key it is the English message,
     * which already names its entry and location.
     */
    static String describe(PolicyTransferService.ImportError e, I18n i18n) {
        if (e.key() == null || !i18n.has(e.key())) {
            if (e.line() > 0 && !e.message().contains("(line ")) return located(e, e.message(), i18n);
            return e.message();
        }
        String text = i18n.text(e.key(), e.args().toArray());
        if (e.entry() >= 0) {
            text = e.entryLabel() == null ? i18n.text("policy.import.problem.entryIndex", e.entry(), text)
                    : i18n.text("policy.import.problem.entry", e.entry(), e.entryLabel(), text);
        }
        if (e.storedPolicy()) text = i18n.text("policy.import.problem.stored", text);
        return e.line() > 0 ? located(e, text, i18n) : text;
    }

    private static String located(PolicyTransferService.ImportError e, String text, I18n i18n) {
        return i18n.text(e.column() > 0 ? "policy.import.errorAtColumn" : "policy.import.errorAt", e.line(), e.column(), text);
    }
}
