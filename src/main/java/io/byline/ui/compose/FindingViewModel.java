package io.byline.ui.compose;

import io.byline.domain.Platform;
import io.byline.domain.Severity;

/**
 * One row of the findings list and one highlight in the editor.
 *
 * @param platform the platform whose text it is in, or null for a finding about the post (an image's alt text)
 * @param start    UTF-16 offset in the editor's text, inclusive; equal to {@code end} when it has no span
 * @param message  in the user's language; never the confidential term itself
 * @param matched  the text it matched, as typed (empty when it has no span)
 * @param mediaId  the image a media finding is about, else 0
 */
public record FindingViewModel(Severity severity, String rule, String message, String matched, int start, int end,
                               Platform platform, long mediaId) {
    public boolean hasSpan() {
        return end > start;
    }

    public boolean covers(int offset) {
        return offset >= start && offset < end;
    }
}
