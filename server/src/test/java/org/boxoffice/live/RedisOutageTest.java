package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;

class RedisOutageTest {

    private static final RuntimeException REFUSED = new RedisConnectionFailureException("refused");

    @Test
    void afterAFailureRedisIsNotTriedAgainBeforeTheRetryPause() {
        var outage = new RedisOutage("announcing", Duration.ofHours(1));
        assertThat(outage.mayTry()).isTrue();

        outage.failed(REFUSED);

        assertThat(outage.isDown()).isTrue();
        assertThat(outage.mayTry()).isFalse();
    }

    @Test
    void onceThePauseIsOverRedisIsTriedAgainAndASuccessEndsTheOutage() {
        var outage = new RedisOutage("announcing", Duration.ZERO);
        outage.failed(REFUSED);
        assertThat(outage.mayTry()).isTrue();

        outage.succeeded();

        assertThat(outage.isDown()).isFalse();
        assertThat(outage.mayTry()).isTrue();
    }
}
