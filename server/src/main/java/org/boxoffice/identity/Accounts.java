package org.boxoffice.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.platform.InvalidInput;
import org.boxoffice.platform.Overloaded;
import org.springframework.stereotype.Service;

/** The identity module's face: registration, login, and tokens for existing users. */
@Service
public class Accounts {

    /** BCrypt looks at no more than this. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final Users users;
    private final PasswordHasher passwords;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    private final Clock clock;

    Accounts(Users users, PasswordHasher passwords, TokenIssuer tokens, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
    }

    public Account register(String email, String password, String name) {
        checkPasswordLength(password);
        var user = new User(
                UUID.randomUUID(), normalize(email), name.strip(), passwords.hash(password), EnumSet.of(Role.USER));
        if (!users.add(user, clock.instant())) {
            throw new EmailTaken();
        }
        return Account.of(user);
    }

    /**
     * An account made by an administrator, such as a staff member for the box office or the door.
     *
     * @throws InvalidInput when a role may not be given this way ({@link StaffRoles})
     */
    public Account create(String email, String password, String name, List<String> roleNames) {
        var roles = StaffRoles.parse(roleNames);
        checkPasswordLength(password);
        var user = new User(UUID.randomUUID(), normalize(email), name.strip(), passwords.hash(password), roles);
        if (!users.add(user, clock.instant())) {
            throw new EmailTaken();
        }
        return Account.of(user);
    }

    /** Refused before any hashing when the email has had too many failed attempts lately. */
    public AccessToken login(String email, String password) {
        var normalized = normalize(email);
        throttle.attempting(normalized);
        var user = users.byEmail(normalized).filter(User::canLogIn);
        boolean right;
        try {
            right = user.isPresent() ? passwords.matches(password, user.get().passwordHash()) : spendTime(password);
        } catch (Overloaded e) {
            throttle.withdraw(normalized);
            throw e;
        }
        if (!right) {
            throw new BadCredentials();
        }
        throttle.withdraw(normalized);
        return tokens.issue(user.get());
    }

    /** An unknown email costs as much as a wrong password, and is never right. */
    private boolean spendTime(String password) {
        passwords.spendTime(password);
        return false;
    }

    public Optional<Account> find(UUID id) {
        return users.byId(id).map(Account::of);
    }

    /** A token for an existing user, whether or not they have a password. */
    public String tokenFor(String email) {
        return users.byEmail(normalize(email))
                .map(user -> tokens.issue(user).accessToken())
                .orElseThrow(() -> new IllegalArgumentException("No user " + email));
    }

    /** Tokens for those of {@code emails} who exist, keyed by email, in the order asked. */
    public Map<String, String> tokensFor(List<String> emails) {
        return tokensFor(emails, user -> true);
    }

    /**
     * Tokens for travelers only: existing accounts that are plain users without a password (demo
     * and load-test users). An administrator, a staff member or anyone who can log in is left
     * out, so that minting never hands out a token worth more than a password-less traveler's.
     */
    public Map<String, String> travelerTokensFor(List<String> emails) {
        return tokensFor(emails, User::isTraveler);
    }

    private Map<String, String> tokensFor(List<String> emails, java.util.function.Predicate<User> eligible) {
        var asked = emails.stream().map(Accounts::normalize).distinct().toList();
        var found = new LinkedHashMap<String, User>();
        users.byEmails(asked).stream().filter(eligible).forEach(user -> found.put(user.email(), user));
        var tokensByEmail = new LinkedHashMap<String, String>();
        asked.stream()
                .filter(found::containsKey)
                .forEach(email ->
                        tokensByEmail.put(email, tokens.issue(found.get(email)).accessToken()));
        return tokensByEmail;
    }

    /** Adds users who have no password (demo and load-test travelers); existing ones are kept. */
    public int addTravelers(List<String> emails, List<String> names) {
        return users.addWithoutPasswords(
                emails.stream().map(Accounts::normalize).toList(), names, clock.instant());
    }

    private static void checkPasswordLength(String password) {
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInput("A password may be at most 72 bytes long.");
        }
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
