package io.byline.validation;

/**
 * What the disclosure rule needs to know about the account a post goes out on.
 *
 * @param capacity   whether the executive posts for the company or in a personal capacity
 * @param bio        the account's bio or headline as shown on the platform, or null
 * @param disclaimer the disclaimer line a personal account's bio must carry (e.g. "Views are my own"), or null
 *                   for the built-in wordings
 * @param sponsored  the post is paid or partner content
 */
public record AccountContext(Capacity capacity, String bio, String disclaimer, boolean sponsored) {
    public enum Capacity { OFFICIAL, PERSONAL }

    public AccountContext {
        if (capacity == null) capacity = Capacity.OFFICIAL;
    }

    public static AccountContext official() {
        return new AccountContext(Capacity.OFFICIAL, null, null, false);
    }
}
