package org.boxoffice.platform.jobs;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.boxoffice.platform.NotFound;
import org.boxoffice.platform.ProblemCodes;
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

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN"})
    @Operation(summary = "The scheduled jobs: when each runs, how late, whether paused")
    @GetMapping("/api/v1/admin/jobs")
    JobPage list() {
        return new JobPage(jobs.all());
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN", "404 JOB_NOT_FOUND"})
    @Operation(summary = "Pause or resume a scheduled job")
    @PutMapping("/api/v1/admin/jobs/{name}")
    JobStatus change(@PathVariable String name, @RequestBody JobChange change) {
        return jobs.pause(name, change.paused())
                .orElseThrow(() -> new NotFound("JOB_NOT_FOUND", "There is no scheduled job " + name + "."));
    }
}
