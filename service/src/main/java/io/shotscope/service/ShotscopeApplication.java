package io.shotscope.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The service's Spring application: configuration here, the REST API, intake, jobs and drop folder beside it. */
@SpringBootApplication(
        scanBasePackages = {"io.shotscope.service", "io.shotscope.api", "io.shotscope.intake", "io.shotscope.jobs",
            "io.shotscope.watch", "io.shotscope.security"},
        exclude = {FlywayAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableConfigurationProperties(ShotscopeProperties.class)
public class ShotscopeApplication {

    /** Starts the service with Spring-style arguments ({@code --shotscope.port=9000}); see {@link ServeCommand}. */
    public static void main(String[] args) {
        SpringApplication.run(ShotscopeApplication.class, args);
    }
}
