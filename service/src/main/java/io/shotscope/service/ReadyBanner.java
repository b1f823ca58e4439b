package io.shotscope.service;

import java.io.PrintStream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is ready, says where to open it, as one plain line on stderr (stdout carries the
 * JSON logs, which log shippers parse).
 */
@Component
public class ReadyBanner {

    private final ShotscopeProperties properties;

    public ReadyBanner(ShotscopeProperties properties) {
        this.properties = properties;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : properties.port();
        PrintStream out = System.err;
        out.println(message(port));
        out.flush();
    }

    /** The line printed for a service listening on {@code port}. */
    String message(int port) {
        String base = "http://" + hostForUrl(properties.address()) + ":" + port;
        if (!properties.role().servesApi()) {
            return "shotscope worker ready: working jobs; health at " + base + "/health";
        }
        String line = "shotscope ready: open " + base + "/ (dashboard; API " + base + "/api/v1, docs " + base + "/docs";
        if (properties.dashboard().enabled()) {
            line += ", jobs http://" + hostForUrl(properties.dashboardAddress()) + ":" + properties.dashboardPort()
                    + "/dashboard";
        }
        return line + ")";
    }

    private static String hostForUrl(String address) {
        if (address.equals("0.0.0.0") || address.equals("::")) {
            return "localhost";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
