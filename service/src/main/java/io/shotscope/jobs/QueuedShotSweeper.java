package io.shotscope.jobs;

import io.shotscope.service.ServesApi;
import io.shotscope.store.ShotPage;
import io.shotscope.store.ShotQuery;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotStatus;
import io.shotscope.store.ShotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * At start-up, enqueues every QUEUED shot again. A shot is stored before its job is enqueued, so a
 * process that died between the two left a shot no worker would ever take; since a job's id is its
 * shot's id, shots whose job exists are left alone.
 */
@Component
@Conditional(ServesApi.class)
public class QueuedShotSweeper implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedShotSweeper.class);
    private static final int PAGE_SIZE = 200;

    private final ShotStore store;
    private final ShotJobs jobs;

    public QueuedShotSweeper(ShotStore store, ShotJobs jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        int swept = sweep();
        if (swept > 0) {
            LOG.info("{} queued shots handed to the job queue again (jobs that already existed were kept)", swept);
        }
    }

    /** Enqueues every QUEUED shot (a no-op for those whose job exists) and returns how many there were. */
    public int sweep() {
        int count = 0;
        for (int page = 0; ; page++) {
            ShotPage found = store.search(new ShotQuery(ShotStatus.QUEUED, null, null, page, PAGE_SIZE,
                    ShotQuery.Sort.CREATED_AT, true));
            for (ShotRecord shot : found.items()) {
                jobs.enqueue(shot.id());
                count++;
            }
            if ((long) (page + 1) * PAGE_SIZE >= found.total()) {
                return count;
            }
        }
    }
}
