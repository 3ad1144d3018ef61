package org.boxoffice.identity;

import java.util.Set;
import java.util.UUID;

/** A user as the API shows them: {@code {id, email, name, roles}}. */
public record Account(UUID id, String email, String name, Set<Role> roles) {

    static Account of(User user) {
        return new Account(user.id(), user.email(), user.name(), user.roles());
    }
}
