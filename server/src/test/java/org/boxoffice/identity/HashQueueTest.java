package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.boxoffice.platform.Overloaded;
import org.junit.jupiter.api.Test;

class HashQueueTest {

    @Test
    void aHashBeyondTheLineIsTurnedAwayAtOnceWithRetryAfter() throws Exception {
        var queue = new HashQueue(1, 2, Duration.ofSeconds(3));
        var release = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = threads.submit(() -> queue.run(() -> awaitAndAnswer(release, "first")));
            var waiting = java.util.stream.IntStream.range(0, 2)
                    .mapToObj(i -> threads.submit(() -> queue.run(() -> "waited")))
                    .toList();
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.inLine() == 3);

            assertThatThrownBy(() -> queue.run(() -> "one too many"))
                    .isInstanceOfSatisfying(Overloaded.class, refusal -> {
                        assertThat(refusal.status()).isEqualTo(503);
                        assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(3));
                    });
            assertThat(queue.inLine()).isEqualTo(3);

            release.countDown();
            assertThat(running.get()).isEqualTo("first");
            for (var each : waiting) {
                assertThat(each.get()).isEqualTo("waited");
            }
        }
        assertThat(queue.inLine()).isZero();
        assertThat(queue.run(() -> "room again")).isEqualTo("room again");
    }

    @Test
    void aFailedHashLeavesTheLine() {
        var queue = new HashQueue(1, 0, Duration.ofSeconds(1));

        assertThatThrownBy(() -> queue.run(() -> {
                    throw new IllegalStateException("broken");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(queue.run(() -> "next")).isEqualTo("next");
    }

    private static String awaitAndAnswer(CountDownLatch release, String answer) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }
}
