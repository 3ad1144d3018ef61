package org.boxoffice.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person who may log in (if they have a password) and the roles they hold. */
record User(UUID id, String email, String name, @Nullable String passwordHash, Set<Role> roles) {

    boolean canLogIn() {
        return passwordHash != null;
    }

    /** A plain user without a password: a demo or load-test traveler, reachable only by a minted token. */
    boolean isTraveler() {
        return !canLogIn() && roles.equals(Set.of(Role.USER));
    }
}
