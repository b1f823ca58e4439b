package io.shotscope.jobs;

import com.sun.net.httpserver.HttpServer;
import io.shotscope.service.ShotscopeProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.ThreadSafeStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The JobRunr dashboard at {@code http://<address>:<dashboard port>/dashboard}. JobRunr's own dashboard
 * server (jobrunr.dashboard.enabled) binds every interface and has no setting for the address, so this
 * serves the same JobRunr handlers from a server bound to {@code shotscope.address} when that is a loopback
 * address, and to 127.0.0.1 otherwise: the dashboard has no sign-in, so it is never exposed beyond the machine.
 * A port already in use is logged and the service runs on without the dashboard.
 */
@Component
public class LoopbackJobDashboard implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackJobDashboard.class);

    private final StorageProvider storage;
    private final JsonMapper json;
    private final ShotscopeProperties properties;
    private HttpServer server;
    private ExecutorService executor;
    private List<HttpExchangeHandler> handlers = List.of();

    public LoopbackJobDashboard(StorageProvider storage, JsonMapper json, ShotscopeProperties properties) {
        this.storage = storage;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.dashboard().enabled()) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(properties.dashboardAddress(), properties.dashboardPort());
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            LOG.warn("job dashboard not started: cannot listen on {}: {}", address, e.getMessage());
            return;
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "job-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        StorageProvider safe = new ThreadSafeStorageProvider(storage);
        handlers = List.of(new RedirectHttpHandler("/", "/dashboard"), new JobRunrStaticFileHandler(),
                new JobRunrApiHandler(safe, json, false), new JobRunrSseHandler(safe, json));
        handlers.forEach(h -> server.createContext(h.getContextPath(), h));
        server.start();
        LOG.info("job dashboard at http://{}:{}/dashboard", address.getHostString(), port());
    }

    /** The port the dashboard listens on, or -1 when it is not running. */
    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        handlers.forEach(HttpExchangeHandler::close);
        executor.shutdownNow();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
