package org.boxoffice.platform.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    Jobs jobs(MeterRegistry meters, Clock clock) {
        return new Jobs(meters, clock, System::nanoTime);
    }

    /** Named so that {@code @Scheduled} finds it, and Spring Boot's own scheduler backs off. */
    @Bean
    JobScheduler taskScheduler(Jobs jobs, JobSettings settings) {
        return new JobScheduler(jobs, settings.threads());
    }
}
