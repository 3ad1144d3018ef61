package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.boxoffice.platform.DatabaseTrouble.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseTroubleTest {

    @Test
    void aPoolTimeoutWithNothingRefusedBehindItIsOverload() {
        var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");

        assertThat(DatabaseTrouble.kindOf(new CannotGetJdbcConnectionException("no connection", timeout)))
                .isEqualTo(Kind.OVERLOADED);
    }

    @Test
    void aPoolTimeoutBehindWhichTheDatabaseRefusedIsTheDatabaseGone() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException());
        var timeout = new SQLTransientConnectionException("Connection is not available", "08001", refused);

        assertThat(DatabaseTrouble.kindOf(new CannotCreateTransactionException("no transaction", timeout)))
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aBrokenConnectionOrAServerShuttingDownIsTheDatabaseGone() {
        assertThat(DatabaseTrouble.kindOf(new SQLException("An I/O error occurred", "08006")))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(DatabaseTrouble.kindOf(new SQLException("terminating connection", "57P01")))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(DatabaseTrouble.kindOf(new SQLException("the database system is starting up", "57P03")))
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aFailedRollbackDoesNotHideTheDatabaseGoingAway() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("terminating connection", "57P01"));

        assertThat(DatabaseTrouble.kindOf(rollback)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aCommitThatFailedAndARollbackThatFoundTheConnectionClosedIsTheDatabaseGone() {
        // Spring logs the commit's failure and throws only the rollback's.
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(DatabaseTrouble.kindOf(rollback)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void statementAndLockTimeoutsAreOverloadWhereverTheyAreWrapped() {
        var statement = new QueryTimeoutException("slow", new SQLException("canceling statement", "57014"));
        var lock = new SQLException("canceling statement due to lock timeout", "55P03");

        assertThat(DatabaseTrouble.kindOf(new CompletionException(statement))).isEqualTo(Kind.OVERLOADED);
        assertThat(DatabaseTrouble.kindOf(lock)).isEqualTo(Kind.OVERLOADED);
    }

    @Test
    void failuresThatAreNotTheDatabasesTroubleStayWhatTheyWere() {
        var duplicate = new DuplicateKeyException("dup", new SQLException("duplicate key", "23505"));

        assertThat(DatabaseTrouble.kindOf(duplicate)).isEqualTo(Kind.NONE);
        assertThat(DatabaseTrouble.kindOf(new IllegalStateException("a bug"))).isEqualTo(Kind.NONE);
    }
}
