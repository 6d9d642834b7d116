package io.byline.domain;

/** What a reviewer decided about a finding. */
public enum DecisionKind {
    /** A blocking finding may go out anyway, for the written reason (Legal or Approver only). */
    OVERRIDE,
    /** A warning was read and accepted. */
    ACKNOWLEDGE
}
