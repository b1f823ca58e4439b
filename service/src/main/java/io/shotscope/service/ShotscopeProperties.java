package io.shotscope.service;

import java.nio.file.Path;
import io.shotscope.video.DecodeOptions;
import io.shotscope.video.InputLimits;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of {@code shotscope serve}, with its default: the one place defaults live. Set them in
 * {@code application.properties} (in the working directory or {@code --config FILE}), as environment
 * variables ({@code shotscope.db.url} is {@code SHOTSCOPE_DB_URL}; a dash is dropped:
 * {@code shotscope.analysis.max-frames} is {@code SHOTSCOPE_ANALYSIS_MAXFRAMES}) or as
 * {@code --shotscope.port=9000} arguments. Spring's own keys ({@code server.*}, {@code spring.datasource.*},
 * {@code jobrunr.*}) are derived from these by {@link ShotscopeEnvironment} and can still be set directly.
 *
 * @param role      what this process does: {@code all} (API and jobs), {@code api} (API and drop folder, jobs
 *                  only enqueued) or {@code worker} (jobs only); set by {@code serve}, {@code serve --no-worker},
 *                  {@code serve --worker}
 * @param address   address the HTTP port and the job dashboard listen on; any address (0.0.0.0) with
 *                  security enabled, a loopback address only with security disabled
 * @param port      HTTP port of the API, Swagger UI, /health, /ready and /metrics
 * @param home      the shotscope folder (set by the launcher as SHOTSCOPE_HOME); the default model is
 *                  {@code models/default} in it
 * @param data      where the service keeps its files
 * @param db        the database; empty means an embedded H2 file database in the data folder
 * @param redis     the shared result cache; empty means an in-process cache
 * @param cache     the result cache's size (in process) and lifetime (in process and in Redis)
 * @param model     the model that rates shots
 * @param upload    uploads through {@code POST /api/v1/shots}
 * @param analyzePath plates analysed in place through {@code POST /api/v1/shots/analyze-path}
 * @param analysis  how plates are analysed
 * @param jobs      the job queue
 * @param dashboard the JobRunr job dashboard (on loopback only: it has no sign-in)
 * @param watch     the drop folder
 * @param security  who may use the API: users, tokens, API keys, rate limits, CORS
 */
@ConfigurationProperties("shotscope")
public record ShotscopeProperties(
        @DefaultValue("all") Role role,
        @DefaultValue("127.0.0.1") String address,
        @DefaultValue("8000") int port,
        Path home,
        @DefaultValue Data data,
        @DefaultValue Db db,
        @DefaultValue Redis redis,
        @DefaultValue Cache cache,
        @DefaultValue Model model,
        @DefaultValue Upload upload,
        @DefaultValue AnalyzePath analyzePath,
        @DefaultValue Analysis analysis,
        @DefaultValue Jobs jobs,
        @DefaultValue Dashboard dashboard,
        @DefaultValue Watch watch,
        @DefaultValue Security security) {

    /** The address the job dashboard falls back to when the service listens on a reachable one. */
    public static final String LOOPBACK = "127.0.0.1";

    /** What one {@code serve} process does. */
    public enum Role {
        /** API, drop folder and jobs in one process ({@code serve}). */
        ALL,
        /** API and drop folder; jobs are enqueued in the database for workers ({@code serve --no-worker}). */
        API,
        /** Works jobs only; its HTTP port answers /health, /ready and /metrics ({@code serve --worker}). */
        WORKER;

        public boolean servesApi() {
            return this != WORKER;
        }

        public boolean runsJobs() {
            return this != API;
        }
    }

    /**
     * @param dir the data folder: the embedded database ({@code shotscope.mv.db}) and uploaded plates
     *            ({@code uploads/<shot id>/})
     */
    public record Data(@DefaultValue("data") Path dir) {
        /** Uploaded plates, one folder per shot. */
        public Path uploads() {
            return dir.resolve("uploads");
        }

        /** Where uploads are streamed while the request is being read (same disk: moving them is a rename). */
        public Path incoming() {
            return uploads().resolve(".incoming");
        }
    }

    /**
     * @param url      JDBC URL, e.g. {@code jdbc:postgresql://db:5432/shotscope}; empty: H2 in the data folder
     * @param user     database user
     * @param password database password
     */
    public record Db(String url, String user, String password) {
        /** The JDBC URL to use: the configured one, or the embedded H2 file database in {@code dataDir}. */
        public String jdbcUrl(Path dataDir) {
            if (url != null && !url.isBlank()) {
                return url;
            }
            return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("shotscope");
        }
    }

    /**
     * @param url       {@code redis://[[user]:password@]host[:port][/database]} of the shared cache; empty:
     *                  in-process cache
     * @param password  the Redis password, kept out of the URL (and so out of process lists and logs); it
     *                  replaces a password the URL names; empty: the URL's, or none
     * @param timeout   how long connecting or one cache call may take before the service answers without the cache
     * @param retry     after Redis failed, how long the service works without it before trying again
     * @param keyPrefix put before every key, to keep several installations (or test runs) apart in one Redis
     */
    public record Redis(String url, @DefaultValue("") String password, @DefaultValue("500ms") Duration timeout,
                        @DefaultValue("5s") Duration retry, @DefaultValue("") String keyPrefix) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param maxEntries results the in-process cache keeps (least recently used go first)
     * @param ttl        how long a cached result lives, in process or in Redis (the store keeps it for good)
     */
    public record Cache(@DefaultValue("10000") long maxEntries, @DefaultValue("7d") Duration ttl) {
    }

    /**
     * @param dir the model folder (holding {@code model.json}); empty: {@code models/default} in the shotscope
     *            folder; {@code none}: shots are measured but not rated
     */
    public record Model(String dir) {
        public static final String NONE = "none";

        public boolean disabled() {
            return NONE.equalsIgnoreCase(dir);
        }
    }

    /** @param limit the largest upload accepted; a larger one is answered 413 */
    public record Upload(@DefaultValue("2GB") DataSize limit) {
    }

    /**
     * @param roots folders whose plates may be analysed in place; empty: only the drop folder. Anything
     *              outside (after resolving {@code ..} and links) is answered 403
     */
    public record AnalyzePath(List<Path> roots) {
        public AnalyzePath {
            roots = roots == null ? List.of() : List.copyOf(roots);
        }
    }

    /**
     * @param maxFrames stop after this many analysed frames; 0 analyses the whole plate
     * @param stride    analyse every Nth frame
     * @param threads   threads measuring frames of one plate; 0 means one per core
     * @param size      longest side frames are downscaled to before measuring, in pixels
     * @param timeout   longest one plate may take; a plate over it fails (checked before each frame)
     * @param maxSide        widest or tallest frame accepted, checked from the header before decoding
     * @param maxPixels      largest width x height accepted (the decoded-frame memory budget: 1.5 bytes
     *                       a pixel in YUV 4:2:0)
     * @param maxPlateFrames most frames a movie may declare or a sequence may hold
     * @param maxDuration    longest movie accepted
     */
    public record Analysis(@DefaultValue("0") int maxFrames, @DefaultValue("1") int stride,
                           @DefaultValue("0") int threads, @DefaultValue("640") int size,
                           @DefaultValue("30m") Duration timeout,
                           @DefaultValue("" + InputLimits.DEFAULT_MAX_SIDE) int maxSide,
                           @DefaultValue("" + InputLimits.DEFAULT_MAX_PIXELS) long maxPixels,
                           @DefaultValue("" + InputLimits.DEFAULT_MAX_FRAMES) long maxPlateFrames,
                           @DefaultValue("24h") Duration maxDuration) {

        /** How plates are opened: the container's own timing, no gaps, these limits. */
        public DecodeOptions decodeOptions() {
            return DecodeOptions.defaults().withLimits(new InputLimits(maxSide, maxPixels, maxPlateFrames, maxDuration));
        }
    }

    /**
     * @param pollInterval how often a worker looks for new jobs (JobRunr's minimum is 5 s)
     * @param workers      jobs one worker process runs at once (each analysis already uses every core)
     * @param retries      retries of a job that failed for a transient reason, with exponential backoff;
     *                     bad input fails at once, without retries
     */
    public record Jobs(@DefaultValue("15s") Duration pollInterval, @DefaultValue("1") int workers,
                       @DefaultValue("3") int retries) {
        public Jobs {
            if (pollInterval.toSeconds() < 5) {
                throw new IllegalArgumentException("shotscope.jobs.poll-interval must be at least 5s (JobRunr's minimum), got "
                        + pollInterval);
            }
        }
    }

    /**
     * @param enabled whether this process serves the JobRunr dashboard (at {@code /dashboard})
     * @param port    its port; 0 means the HTTP port + 1 (8001 by default). It listens on {@code address} too
     */
    public record Dashboard(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port) {
    }

    /**
     * @param enabled  whether API processes watch the drop folder
     * @param dir      the drop folder, watched recursively: new movies and image sequences become shots
     * @param settle   how long a file's size (and a sequence's frame count) must stay unchanged before
     *                 it is taken
     * @param interval how often the drop folder is scanned
     */
    public record Watch(@DefaultValue("true") boolean enabled, @DefaultValue("input_files") Path dir,
                        @DefaultValue("5s") Duration settle, @DefaultValue("2s") Duration interval) {
    }

    /**
     * @param enabled   whether the API asks who is calling; off only on a loopback address (the service
     *                  refuses to start otherwise)
     * @param users     the people who may sign in ({@code shotscope.security.users[0].name},
     *                  {@code .password-hash} (bcrypt, from {@code shotscope user add}), {@code .role})
     * @param token     the bearer tokens {@code POST /api/v1/auth/token} issues
     * @param metrics   who may read /metrics
     * @param docs      who may read /docs (Swagger UI and the OpenAPI document)
     * @param corsAllowedOrigins origins browsers may call the API from; empty: none (CORS closed)
     * @param rateLimit requests allowed per principal and per client address
     */
    public record Security(@DefaultValue("true") boolean enabled, List<User> users, @DefaultValue Token token,
                           @DefaultValue("auto") Exposure metrics, @DefaultValue("auto") Exposure docs,
                           List<String> corsAllowedOrigins, @DefaultValue RateLimit rateLimit) {
        public Security {
            users = users == null ? List.of() : List.copyOf(users);
            corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        }
    }

    /**
     * @param name         the user name given when signing in
     * @param passwordHash the bcrypt hash of the password ({@code $2a$...}), never the password
     * @param role         viewer, submitter or admin
     */
    public record User(String name, String passwordHash, @DefaultValue("viewer") UserRole role) {
        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + "]";
        }
    }

    /**
     * @param secret    the HMAC key tokens are signed with (at least 64 characters); empty: a random key made
     *                  once and kept in {@code <data dir>/token-secret} (readable by its owner only). Changing
     *                  it signs everyone out
     * @param algorithm the one signing algorithm accepted: HS256, HS384 or HS512
     * @param issuer    the {@code iss} claim written and required
     * @param audience  the {@code aud} claim written and required
     * @param ttl       how long a token is valid
     */
    public record Token(String secret, @DefaultValue("HS256") String algorithm,
                        @DefaultValue("shotscope") String issuer, @DefaultValue("shotscope-api") String audience,
                        @DefaultValue("1h") Duration ttl) {
        @Override
        public String toString() {
            return "Token[algorithm=" + algorithm + ", issuer=" + issuer + ", audience=" + audience + ", ttl=" + ttl + "]";
        }
    }

    /** Who may read an endpoint outside /api. */
    public enum Exposure {
        /** Anyone, without signing in. */
        OPEN,
        /** Signed-in callers only (any role). */
        AUTHENTICATED,
        /** Open while the service listens on a loopback address only, signed-in callers otherwise. */
        AUTO
    }

    /**
     * @param perPrincipal   requests one user or API key may make per {@code period} under /api
     * @param perAddress     requests one client address may make per {@code period} under /api
     * @param tokenPerAddress sign-in attempts ({@code POST /api/v1/auth/token}) one client address may make
     *                       per {@code tokenPeriod}
     * @param period         the window of {@code perPrincipal} and {@code perAddress}
     * @param tokenPeriod    the window of {@code tokenPerAddress}
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("600") long perPrincipal,
                            @DefaultValue("1200") long perAddress, @DefaultValue("10") long tokenPerAddress,
                            @DefaultValue("1m") Duration period, @DefaultValue("1m") Duration tokenPeriod) {
    }

    /** The job dashboard's address: {@code address} when it is a loopback one, 127.0.0.1 otherwise (it has no sign-in). */
    public String dashboardAddress() {
        return loopbackOnly() ? address : LOOPBACK;
    }

    /** Whether the service listens on a loopback address only. */
    public boolean loopbackOnly() {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The dashboard port: the configured one, or the HTTP port + 1. */
    public int dashboardPort() {
        return dashboard.port() != 0 ? dashboard.port() : port + 1;
    }

    /** Folders {@code analyze-path} accepts: the configured roots, or the drop folder alone. */
    public List<Path> allowedRoots() {
        return analyzePath.roots().isEmpty() ? List.of(watch.dir()) : analyzePath.roots();
    }
}
