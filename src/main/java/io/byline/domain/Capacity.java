package io.byline.domain;

/** Whether an account speaks for the company or for the executive personally ("views are my own"). */
public enum Capacity {
    OFFICIAL,
    PERSONAL
}
