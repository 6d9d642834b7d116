package io.byline.ui.common;

import io.byline.domain.Severity;

import java.util.Locale;

/** CSS class names used from code; the rules live in {@code /io/byline/css/theme.css}. */
public final class StyleClasses {
    private StyleClasses() {}

    public static final String DARK = "theme-dark";
    public static final String SHELL = "shell";
    public static final String HEADER = "header";
    public static final String NAV = "nav";
    public static final String NAV_ITEM = "nav-item";
    public static final String NAV_BADGE = "nav-badge";
    public static final String CONTENT = "content";
    public static final String CARD = "card";
    public static final String PAGE_TITLE = "page-title";
    public static final String SECTION_TITLE = "section-title";
    public static final String FIELD_LABEL = "field-label";
    public static final String FIELD_ERROR = "field-error";
    public static final String HINT = "hint";
    public static final String MUTED = "muted";
    public static final String PRIMARY = "primary";
    public static final String DANGER = "danger";
    public static final String GHOST = "ghost";
    public static final String BANNER = "banner";
    public static final String BANNER_ERROR = "banner-error";
    public static final String EMPTY_STATE = "empty-state";
    public static final String AVATAR = "avatar";
    public static final String RETIRED = "retired";
    public static final String CHIP = "chip";
    public static final String ROLE_CHIP = "role-chip";
    public static final String STATE_CHIP = "state-chip";
    public static final String FINDING_BLOCK = "finding-block";
    public static final String FINDING_WARN = "finding-warn";
    public static final String FINDING_INFO = "finding-info";
    public static final String SEVERITY_CHIP = "severity-chip";

    /** The chip class of a severity: {@code finding-block}, {@code finding-warn}, {@code finding-info}. */
    public static String severity(Severity s) {
        return "finding-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** The chip class of a workflow state name, e.g. {@code IN_REVIEW} → {@code state-in-review}. */
    public static String state(String state) {
        return "state-" + state.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
