package org.boxoffice.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.TaskScheduler;

@BoxofficeIT
class JobsIT {

    @LocalServerPort
    int port;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    Accounts accounts;

    @Test
    void aJobThatWaitsDoesNotHoldUpTheOthers() throws Exception {
        var release = new CountDownLatch(1);
        var othersRan = new CountDownLatch(3);
        var blocked =
                scheduler.scheduleWithFixedDelay(named("JobsIT.waits", () -> await(release)), Duration.ofMillis(10));
        var other =
                scheduler.scheduleWithFixedDelay(named("JobsIT.ticks", othersRan::countDown), Duration.ofMillis(10));
        try {
            assertThat(othersRan.await(5, TimeUnit.SECONDS))
                    .as("a fixed-delay job runs while another one waits")
                    .isTrue();
        } finally {
            release.countDown();
            blocked.cancel(false);
            other.cancel(false);
        }
    }

    @Test
    void administratorsSeeEveryScheduledJobAndMayPauseOne() {
        var admin = new Buyers(accounts, port).admin();

        var jobs = admin.get("/api/v1/admin/jobs").json().get("items");

        assertThat(jobs.valueStream().map(job -> job.get("name").asString()))
                .contains("ExpiringHolds.sweep", "Compensating.retryDue", "OutboxRelay.relay");
        var paused =
                admin.send("PUT", "/api/v1/admin/jobs/ExpiringHolds.sweep", "application/json", "{\"paused\":true}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        var resumed =
                admin.send("PUT", "/api/v1/admin/jobs/ExpiringHolds.sweep", "application/json", "{\"paused\":false}");
        assertThat(resumed.json().get("paused").asBoolean()).isFalse();
        var unknown = admin.send("PUT", "/api/v1/admin/jobs/NoSuch.job", "application/json", "{\"paused\":true}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("JOB_NOT_FOUND");
    }

    @Test
    void everyJobsLagIsAMetric() {
        var admin = new Buyers(accounts, port).admin();

        var lag = admin.get("/actuator/metrics/boxoffice.jobs.lag?tag=job:ExpiringHolds.sweep");

        assertThat(lag.status()).as(lag.body()).isEqualTo(200);
        assertThat(lag.json().get("measurements").get(0).get("value").asDouble())
                .isLessThan(5.0);
    }

    @Test
    void nobodyButAnAdministratorSeesTheJobs() {
        var buyer = new Buyers(accounts, port).one();

        assertThat(buyer.get("/api/v1/admin/jobs").status()).isEqualTo(403);
        assertThat(buyer.send("PUT", "/api/v1/admin/jobs/ExpiringHolds.sweep", "application/json", "{\"paused\":true}")
                        .status())
                .isEqualTo(403);
    }

    private static Runnable named(String name, Runnable body) {
        return new Runnable() {
            @Override
            public void run() {
                body.run();
            }

            @Override
            public String toString() {
                return "org.boxoffice.test." + name;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
