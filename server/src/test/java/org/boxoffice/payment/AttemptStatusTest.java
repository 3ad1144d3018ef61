package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptStatusTest {

    @Test
    void anAnswerSettlesAPendingOrUnknownAttempt() {
        for (var settled :
                new AttemptStatus[] {AttemptStatus.SUCCEEDED, AttemptStatus.DECLINED, AttemptStatus.FAILED}) {
            assertThat(settled.reachableFrom()).contains(AttemptStatus.PENDING, AttemptStatus.UNKNOWN);
        }
        assertThat(AttemptStatus.UNKNOWN.reachableFrom()).containsExactly(AttemptStatus.PENDING);
    }

    @Test
    void aSuccessIsNeverUndoneExceptByARefund() {
        for (var status : AttemptStatus.values()) {
            if (status != AttemptStatus.REFUNDED) {
                assertThat(status.reachableFrom()).doesNotContain(AttemptStatus.SUCCEEDED);
            }
        }
        assertThat(AttemptStatus.REFUNDED.reachableFrom()).containsExactly(AttemptStatus.SUCCEEDED);
    }

    @Test
    void aSuccessReportedLateStillCountsForAnAttemptTakenAsNeverArrived() {
        assertThat(AttemptStatus.SUCCEEDED.reachableFrom()).contains(AttemptStatus.FAILED);
        assertThat(AttemptStatus.SUCCEEDED.reachableFrom()).doesNotContain(AttemptStatus.DECLINED);
    }

    @Test
    void openAndSucceededAttemptsBlockAnotherCharge() {
        assertThat(AttemptStatus.PENDING.blocksAnotherCharge()).isTrue();
        assertThat(AttemptStatus.UNKNOWN.blocksAnotherCharge()).isTrue();
        assertThat(AttemptStatus.SUCCEEDED.blocksAnotherCharge()).isTrue();
        assertThat(AttemptStatus.DECLINED.blocksAnotherCharge()).isFalse();
        assertThat(AttemptStatus.FAILED.blocksAnotherCharge()).isFalse();
        assertThat(AttemptStatus.REFUNDED.blocksAnotherCharge()).isFalse();
    }
}
