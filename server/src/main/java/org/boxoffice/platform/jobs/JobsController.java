package org.boxoffice.platform.jobs;

import java.util.List;
import org.boxoffice.platform.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/jobs}: the scheduled jobs and how they keep up; {@code PUT
 * /api/v1/admin/jobs/{name}} with {@code {"paused": true}} pauses one (and {@code false} resumes
 * it). A paused job skips its runs on this instance until resumed or restarted.
 */
@RestController
class JobsController {

    private final Jobs jobs;

    JobsController(Jobs jobs) {
        this.jobs = jobs;
    }

    record JobPage(List<JobStatus> items) {}

    record JobChange(boolean paused) {}

    @GetMapping("/api/v1/admin/jobs")
    JobPage list() {
        return new JobPage(jobs.all());
    }

    @PutMapping("/api/v1/admin/jobs/{name}")
    JobStatus change(@PathVariable String name, @RequestBody JobChange change) {
        return jobs.pause(name, change.paused())
                .orElseThrow(() -> new NotFound("JOB_NOT_FOUND", "There is no scheduled job " + name + "."));
    }
}
