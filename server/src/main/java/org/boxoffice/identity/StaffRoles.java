package org.boxoffice.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.boxoffice.platform.InvalidInput;

/**
 * The roles an administrator may give an account through {@code POST /admin/users}: {@code
 * STAFF} and {@code USER}. {@code ADMIN} is not among them: the one administrator is the
 * configured account ({@code BOXOFFICE_ADMIN_EMAIL}), so a stolen admin token cannot make a
 * second, lasting administrator.
 */
final class StaffRoles {

    static final Set<Role> GRANTABLE = EnumSet.of(Role.STAFF, Role.USER);

    private StaffRoles() {}

    /** The roles named, refused as {@code 422 VALIDATION} when empty, unknown or not grantable. */
    static Set<Role> parse(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidInput("An account needs at least one role: STAFF or USER.");
        }
        var roles = EnumSet.noneOf(Role.class);
        for (var name : names) {
            var role = known(name);
            if (!GRANTABLE.contains(role)) {
                throw new InvalidInput("The role " + role + " cannot be given: only STAFF and USER can.");
            }
            roles.add(role);
        }
        return roles;
    }

    private static Role known(String name) {
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("'" + name + "' is not a role: only STAFF and USER can be given.");
        }
    }
}
