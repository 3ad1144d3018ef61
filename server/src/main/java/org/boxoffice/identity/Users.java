package org.boxoffice.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. Emails are stored in lower case. */
@Repository
class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the user; false when the email is taken already. */
    boolean add(User user, Instant now) {
        return jdbc.sql("""
                        INSERT INTO app_user (id, email, name, password_hash, roles, created_at)
                        VALUES (:id, :email, :name, :passwordHash, :roles, :now)
                        ON CONFLICT (email) DO NOTHING
                        """)
                        .param("id", user.id())
                        .param("email", user.email())
                        .param("name", user.name())
                        .param("passwordHash", user.passwordHash())
                        .param("roles", roleNames(user.roles()))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Adds users without passwords in one statement; existing emails are left as they are. */
    int addWithoutPasswords(List<String> emails, List<String> names, Instant now) {
        return jdbc.sql("""
                        INSERT INTO app_user (id, email, name, roles, created_at)
                        SELECT gen_random_uuid(), email, name, '{USER}', :now
                        FROM unnest(:emails::text[], :names::text[]) AS person (email, name)
                        ON CONFLICT (email) DO NOTHING
                        """)
                .param("emails", emails.toArray(String[]::new))
                .param("names", names.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<User> byId(UUID id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = :id")
                .param("id", id)
                .query(Users::user)
                .optional();
    }

    Optional<User> byEmail(String email) {
        return jdbc.sql("SELECT * FROM app_user WHERE email = :email")
                .param("email", email)
                .query(Users::user)
                .optional();
    }

    List<User> byEmails(Collection<String> emails) {
        return jdbc.sql("SELECT * FROM app_user WHERE email = ANY(:emails)")
                .param("emails", emails.toArray(String[]::new))
                .query(Users::user)
                .list();
    }

    void update(User user) {
        jdbc.sql("UPDATE app_user SET name = :name, password_hash = :passwordHash, roles = :roles WHERE id = :id")
                .param("id", user.id())
                .param("name", user.name())
                .param("passwordHash", user.passwordHash())
                .param("roles", roleNames(user.roles()))
                .update();
    }

    private static String[] roleNames(Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        var roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) rs.getArray("roles").getArray())
                .map(Role::valueOf)
                .forEach(roles::add);
        @Nullable String passwordHash = rs.getString("password_hash");
        return new User(
                rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"), passwordHash, roles);
    }
}
