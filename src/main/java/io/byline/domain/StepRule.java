package io.byline.domain;

/** How many of a step's roles must sign. */
public enum StepRule {
    /** One signature by someone holding any of the step's roles. */
    ANY,
    /** One signature for each of the step's roles, each by a different person. */
    ALL
}
