package io.shotscope.jobs;

import java.util.UUID;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Component;

/** Puts shots on the job queue (in the database, for whichever worker polls first). */
@Component
public class ShotJobs {

    private final JobScheduler scheduler;

    public ShotJobs(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Enqueues the analysis of a stored, QUEUED shot and returns the job id, which is the shot id:
     * JobRunr ignores a job whose id it already holds, so enqueuing a shot twice runs it once.
     */
    public UUID enqueue(UUID shotId) {
        return scheduler.<ShotJob>enqueue(shotId, job -> job.run(shotId, JobContext.Null)).asUUID();
    }
}
