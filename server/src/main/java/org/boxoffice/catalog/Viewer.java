package org.boxoffice.catalog;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is looking: drafts exist for administrators only, and {@code participated} is answered
 * only for a signed-in user.
 */
public record Viewer(@Nullable UUID userId, boolean admin) {

    public static final Viewer ANONYMOUS = new Viewer(null, false);

    public Optional<UUID> user() {
        return Optional.ofNullable(userId);
    }

    public boolean maySee(EventStatus status) {
        return admin || status.isPublic();
    }
}
