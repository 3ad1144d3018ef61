package org.boxoffice.platform;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Reads a failure for what it says about the database. A database that cannot be reached
 * (refused or broken connections, a server shutting down or starting up, no answer within the
 * socket timeout) is {@code 503 DATABASE_UNAVAILABLE}; a database that is up but cannot serve us
 * in time (no pooled connection free within the connection timeout, a statement or lock timeout,
 * a deadlock that outlived its retries, too many connections) is {@code 503 OVERLOADED}. Anything
 * else is not the database's trouble and stays what it was.
 */
@Component
public class DatabaseTrouble {

    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private final DatabaseSettings settings;

    DatabaseTrouble(DatabaseSettings settings) {
        this.settings = settings;
    }

    /** The refusal that {@code failure} calls for, or empty when the database is not to blame. */
    public Optional<ApiException> refusalFor(Throwable failure) {
        return switch (kindOf(failure)) {
            case UNAVAILABLE -> Optional.of(new DatabaseUnavailable(settings.unavailableRetryAfter()));
            case OVERLOADED ->
                Optional.of(new Overloaded(
                        "The database is too busy to serve this request now; please try again shortly.",
                        settings.overloadedRetryAfter()));
            case NONE -> Optional.empty();
        };
    }

    enum Kind {
        UNAVAILABLE,
        OVERLOADED,
        NONE
    }

    /**
     * Unavailable wins: a pool that timed out because every connection attempt was refused is a
     * database gone. Causes are followed, and so are the failure that a failed rollback hid and
     * the driver's chained exceptions.
     */
    static Kind kindOf(Throwable failure) {
        var kind = Kind.NONE;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var next = new ArrayDeque<Throwable>(List.of(failure));
        while (!next.isEmpty()) {
            var one = next.pop();
            if (!seen.add(one)) {
                continue;
            }
            var found = kindOfOne(one);
            if (found == Kind.UNAVAILABLE) {
                return found;
            }
            if (found == Kind.OVERLOADED) {
                kind = found;
            }
            behind(one, next);
        }
        return kind;
    }

    private static void behind(Throwable failure, ArrayDeque<Throwable> next) {
        if (failure.getCause() != null) {
            next.add(failure.getCause());
        }
        if (failure instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
            next.add(rollback.getApplicationException());
        }
        if (failure instanceof SQLException sql && sql.getNextException() != null) {
            next.add(sql.getNextException());
        }
    }

    private static Kind kindOfOne(Throwable failure) {
        if (failure instanceof ConnectException || failure instanceof SocketTimeoutException) {
            return Kind.UNAVAILABLE;
        }
        if (!(failure instanceof SQLException sql)) {
            return Kind.NONE;
        }
        var byState = kindOfState(sql.getSQLState());
        if (byState != Kind.NONE) {
            return byState;
        }
        // HikariCP's own "Connection is closed" (no SQL state): the pool evicted the connection
        // under us, as when a commit fails on a cut connection and the rollback then finds it gone.
        if (sql.getSQLState() == null && CLOSED_BY_THE_POOL.equals(sql.getMessage())) {
            return Kind.UNAVAILABLE;
        }
        // HikariCP's "Connection is not available, request timed out": with no refused attempt
        // behind it, every connection was in use.
        return sql instanceof SQLTransientConnectionException ? Kind.OVERLOADED : Kind.NONE;
    }

    private static Kind kindOfState(@Nullable String state) {
        if (state == null) {
            return Kind.NONE;
        }
        if (state.startsWith("08")) { // connection exception
            return Kind.UNAVAILABLE;
        }
        return switch (state) {
            case "57P01", "57P02", "57P03" -> Kind.UNAVAILABLE; // shut down, crashed, starting up
            case "57014", "55P03", "25P03", "40001", "40P01" -> Kind.OVERLOADED; // timeouts, conflicts
            default -> state.startsWith("53") ? Kind.OVERLOADED : Kind.NONE; // insufficient resources
        };
    }
}
