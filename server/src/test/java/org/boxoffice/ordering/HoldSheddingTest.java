package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldSheddingTest {

    private static final Duration BRAKE_AFTER = Duration.ofMillis(100);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<UUID> braked = new ArrayList<>();
    private long now = 5_000_000_000L;

    private final UUID flooded = UUID.randomUUID();
    private final UUID quiet = UUID.randomUUID();

    @Test
    void aHoldBeyondTheEventsLoadIsRefusedAtOnceAsOverloadedWithRetryAfter() {
        var shedding = shedding(Duration.ofMillis(1500), 2);
        shedding.admit(flooded);
        shedding.admit(flooded);

        assertThatThrownBy(() -> shedding.admit(flooded))
                .isInstanceOfSatisfying(Refusals.EventOverloaded.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(503);
                    assertThat(refusal.code()).isEqualTo("OVERLOADED");
                    assertThat(refusal.retryAfter())
                            .as("no rate measured yet: shed-after")
                            .contains(Duration.ofMillis(1500));
                });
        assertThat(meters.get("boxoffice.holds.shed")
                        .tag("event", flooded.toString())
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("boxoffice.holds.in-flight")
                        .tag("event", flooded.toString())
                        .gauge()
                        .value())
                .isEqualTo(2.0);
    }

    @Test
    void anotherEventIsNotShedForTheFloodedOnesLoad() {
        var shedding = shedding(Duration.ofMillis(1500), 2);
        shedding.admit(flooded);
        shedding.admit(flooded);

        shedding.admit(quiet).close();
        shedding.admit(quiet);

        assertThat(meters.find("boxoffice.holds.shed")
                        .tag("event", quiet.toString())
                        .counter())
                .isNull();
    }

    @Test
    void aDecidedHoldMakesRoomForTheNext() {
        var shedding = shedding(Duration.ofMillis(1500), 2);
        var first = shedding.admit(flooded);
        shedding.admit(flooded);

        first.close();

        assertThat(shedding.admit(flooded)).isNotNull();
    }

    @Test
    void theRetryAfterIsTheTimeTheHoldsInFlightTakeAtTheMeasuredRate() {
        var shedding = shedding(Duration.ofMillis(1500), 2);
        // Two holds decided in 200 ms: ten a second.
        var first = shedding.admit(flooded);
        var second = shedding.admit(flooded);
        now += Duration.ofMillis(200).toNanos();
        first.close();
        second.close();
        now += EventLoad.SAMPLE_NANOS;
        for (int i = 0; i < 16; i++) {
            shedding.admit(flooded);
        }

        assertThatThrownBy(() -> shedding.admit(flooded))
                .isInstanceOfSatisfying(
                        Refusals.EventOverloaded.class,
                        refusal -> assertThat(refusal.retryAfter()).contains(Duration.ofMillis(1600)));
    }

    @Test
    void anEventWhoseHoldsAreNoLongerDecidedIsToldToComeBackInFiveSeconds() {
        var shedding = shedding(Duration.ofMillis(1500), 2);
        shedding.admit(flooded);
        shedding.admit(flooded);
        // Two seconds with holds in flight and none decided: a measured rate of nothing.
        now += Duration.ofSeconds(2).toNanos();

        assertThatThrownBy(() -> shedding.admit(flooded))
                .isInstanceOfSatisfying(
                        Refusals.EventOverloaded.class,
                        refusal -> assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(5)));
    }

    @Test
    void aZeroShedAfterTurnsSheddingOff() {
        var shedding = shedding(Duration.ZERO, 2);

        for (int i = 0; i < 1000; i++) {
            shedding.admit(flooded);
        }

        assertThat(meters.find("boxoffice.holds.shed").counter()).isNull();
    }

    @Test
    void anEventIdleForTenMinutesIsForgottenWithItsGauges() {
        var shedding = shedding(Duration.ofMillis(1500), 2);
        shedding.admit(flooded).close();
        now += Duration.ofMinutes(11).toNanos();

        shedding.admit(quiet);

        assertThat(shedding.watchedEvents()).isEqualTo(1);
        assertThat(meters.find("boxoffice.holds.in-flight")
                        .tag("event", flooded.toString())
                        .gauge())
                .isNull();
        assertThat(meters.find("boxoffice.holds.in-flight")
                        .tag("event", quiet.toString())
                        .gauge())
                .isNotNull();
    }

    @Test
    void anEventWhoseHoldsTakeLongerThanTheLimitHasItsAdmissionsBraked() {
        var shedding = shedding(Duration.ofMillis(1500), 500);
        for (int hold = 0; hold < 10; hold++) {
            var inFlight = shedding.admit(flooded);
            now += Duration.ofMillis(300).toNanos();
            inFlight.close();
        }
        for (int hold = 0; hold < 10; hold++) {
            var inFlight = shedding.admit(quiet);
            now += Duration.ofMillis(5).toNanos();
            inFlight.close();
        }

        shedding.brakeAdmissionsIfBehind(flooded);
        shedding.brakeAdmissionsIfBehind(quiet);

        assertThat(braked).containsExactly(flooded);
    }

    @Test
    void aFewSlowHoldsAmongQuickOnesDoNotBrake() {
        var shedding = shedding(Duration.ofMillis(1500), 500);
        for (int hold = 0; hold < 20; hold++) {
            var inFlight = shedding.admit(flooded);
            now += Duration.ofMillis(hold % 10 == 0 ? 300 : 5).toNanos();
            inFlight.close();
        }

        shedding.brakeAdmissionsIfBehind(flooded);

        assertThat(braked).isEmpty();
    }

    @Test
    void anEventThisInstanceHasNoHoldsForIsNotBraked() {
        shedding(Duration.ofMillis(1500), 500).brakeAdmissionsIfBehind(quiet);

        assertThat(braked).isEmpty();
    }

    private HoldShedding shedding(Duration shedAfter, int minDepth) {
        return new HoldShedding(new SheddingSettings(shedAfter, minDepth, BRAKE_AFTER), meters, braked::add, () -> now);
    }
}
