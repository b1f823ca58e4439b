package io.shotscope.security;

import io.shotscope.service.ShotscopeProperties;
import io.shotscope.service.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checked before the port opens: without security the service listens on a loopback address only; with
 * security but no user configured it starts (so /health answers and API keys work) and says how to make one.
 */
final class StartupRules {

    /** The command that makes the first user, as printed at start. */
    static final String CREATE_USER = "./shotscope user add NAME --role admin";
    private static final Logger LOG = LoggerFactory.getLogger(StartupRules.class);

    private final ShotscopeProperties properties;
    private final UserDirectory users;

    StartupRules(ShotscopeProperties properties, UserDirectory users) {
        this.properties = properties;
        this.users = users;
    }

    void check() {
        ShotscopeProperties.Security security = properties.security();
        if (!security.enabled()) {
            if (!properties.loopbackOnly()) {
                throw new StartRefusedException("shotscope.security.enabled=false is allowed on a loopback address only,"
                        + " but shotscope.address is " + properties.address()
                        + ": enable security or listen on 127.0.0.1",
                        "Set shotscope.security.enabled=true (the default) or shotscope.address=127.0.0.1.");
            }
            LOG.warn("security is disabled: anyone who can reach {}:{} may use the whole API",
                    properties.address(), properties.port());
            return;
        }
        if (users.isEmpty() && properties.role().servesApi()) {
            LOG.warn("no user is configured, so the API answers 401 to everyone. Create the first user with: {}"
                    + " (it reads the password from stdin and prints the lines to add to application.properties),"
                    + " then restart", CREATE_USER);
        }
    }
}
