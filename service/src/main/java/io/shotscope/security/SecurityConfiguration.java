package io.shotscope.security;

import io.shotscope.service.ShotscopeProperties;
import io.shotscope.service.UserRole;
import io.shotscope.store.ApiKeyStore;
import io.shotscope.store.ShotStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Who may call what. Bearer tokens (JWT from {@code POST /api/v1/auth/token}) and API keys
 * ({@code Authorization: Bearer ssk_...} or {@code X-API-Key}) authenticate; viewers read (GET),
 * submitters also POST, admins also DELETE and manage keys. /health and /ready are open, /metrics and
 * /docs as configured. Stateless: no session, no cookie, so no CSRF token either.
 */
@Configuration
public class SecurityConfiguration {

    /** Header machines may send their API key in, instead of {@code Authorization: Bearer}. */
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    private static final String DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; frame-ancestors 'none'";
    /** Open to anyone; a credential sent with them is not even looked at. */
    private static final String[] PUBLIC_PATHS = {"/health", "/health/**", "/ready", "/ready/**", "/error",
        TokenController.PATH};
    private static final String[] DOCS_PATHS = {"/docs", "/docs/**", "/swagger-ui/**", "/v3/api-docs/**"};
    /** The web dashboard's static files: open, since the page signs in itself and calls the API with a token. */
    private static final String[] DASHBOARD_PATHS = {"/", "/index.html", "/app.css", "/js/**", "/favicon.svg"};
    /** The dashboard's own scripts and styles only; images also from blob: URLs (fetched with the token). */
    private static final String DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    Tokens tokens(ShotscopeProperties properties) {
        byte[] secret = TokenSecret.load(properties.security().token().secret(), properties.data().dir());
        return new Tokens(properties.security().token(), secret, Clock.systemUTC());
    }

    @Bean
    UserDirectory userDirectory(ShotscopeProperties properties) {
        return new UserDirectory(properties.security().users());
    }

    /** Takes the shot store so the schema (with the api_keys table) is migrated first. */
    @Bean
    ApiKeyStore apiKeyStore(DataSource dataSource, ShotStore migratedFirst) {
        return new ApiKeyStore(dataSource, Clock.systemUTC());
    }

    @Bean
    StartupRules startupRules(ShotscopeProperties properties, UserDirectory users) {
        StartupRules rules = new StartupRules(properties, users);
        rules.check();
        return rules;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ShotscopeProperties properties, Tokens tokens,
            ApiKeyStore keys, StartupRules checkedFirst) throws Exception {
        ShotscopeProperties.Security security = properties.security();
        ProblemEntryPoint problems = new ProblemEntryPoint();
        RateLimiter limiter = new RateLimiter(security.rateLimit());
        RequestMatcher docs = request -> matchesAny(request, DOCS_PATHS);
        RequestMatcher dashboard = request -> matchesAny(request, DASHBOARD_PATHS);
        RequestMatcher api = request -> !docs.matches(request) && !dashboard.matches(request);

        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(corsSource(security.corsAllowedOrigins())))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
                                new StaticHeadersWriter("Content-Security-Policy", DOCS_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(dashboard,
                                new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(api,
                                new StaticHeadersWriter("Content-Security-Policy", API_CSP))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new RateLimitFilter(limiter, RateLimitFilter.Scope.ADDRESS),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, RateLimitFilter.Scope.PRINCIPAL),
                        BearerTokenAuthenticationFilter.class);

        if (!security.enabled()) {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll()).build();
        }
        List<String> publicPaths = new java.util.ArrayList<>(List.of(PUBLIC_PATHS));
        publicPaths.addAll(List.of(DASHBOARD_PATHS));
        if (exposed(security.metrics(), properties)) {
            publicPaths.add("/metrics");
        }
        if (exposed(security.docs(), properties)) {
            publicPaths.addAll(List.of(DOCS_PATHS));
        }
        String[] open = publicPaths.toArray(String[]::new);
        http.oauth2ResourceServer(server -> server
                .bearerTokenResolver(bearerOrApiKey(open))
                .authenticationManagerResolver(managers(tokens, keys))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        http.authorizeHttpRequests(rules -> {
            rules.requestMatchers(PUBLIC_PATHS).permitAll();
            rules.requestMatchers(HttpMethod.POST, TokenController.PATH).permitAll();
            rules.requestMatchers(HttpMethod.GET, DASHBOARD_PATHS).permitAll();
            open(rules, exposed(security.metrics(), properties), "/metrics");
            open(rules, exposed(security.docs(), properties), DOCS_PATHS);
            if (!properties.role().servesApi()) {
                // a worker answers every /api request 503 (WorkerRoleApi); there is nothing to protect
                rules.requestMatchers("/api/**").permitAll();
            }
            rules.requestMatchers(ApiKeyController.PATH, ApiKeyController.PATH + "/**").hasRole(UserRole.ADMIN.name());
            rules.requestMatchers(HttpMethod.GET, "/api/**").hasRole(UserRole.VIEWER.name());
            rules.requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(UserRole.VIEWER.name());
            rules.requestMatchers(HttpMethod.POST, "/api/**").hasRole(UserRole.SUBMITTER.name());
            rules.requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(UserRole.ADMIN.name());
            rules.requestMatchers("/api/**").hasRole(UserRole.ADMIN.name());
            rules.anyRequest().authenticated();
        });
        return http.build();
    }

    /** Whether an endpoint outside /api is open to anyone. */
    static boolean exposed(ShotscopeProperties.Exposure exposure, ShotscopeProperties properties) {
        return switch (exposure) {
            case OPEN -> true;
            case AUTHENTICATED -> false;
            case AUTO -> properties.loopbackOnly();
        };
    }

    private static void open(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            boolean open, String... paths) {
        if (open) {
            rules.requestMatchers(paths).permitAll();
        } else {
            rules.requestMatchers(paths).authenticated();
        }
    }

    /**
     * {@code Authorization: Bearer <token or key>}, or else {@code X-API-Key: <key>}; none on open paths, so
     * an expired token sent to /health or to the sign-in endpoint does not turn them into 401.
     */
    private static BearerTokenResolver bearerOrApiKey(String[] openPaths) {
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        return request -> {
            if (matchesAny(request, openPaths)) {
                return null;
            }
            String token = bearer.resolve(request);
            if (token != null) {
                return token;
            }
            String key = request.getHeader(API_KEY_HEADER);
            return key == null || key.isBlank() ? null : key.trim();
        };
    }

    /** API keys (prefix {@code ssk_}, or anything in X-API-Key) go to the key store, everything else is a JWT. */
    private static AuthenticationManagerResolver<HttpServletRequest> managers(Tokens tokens, ApiKeyStore keys) {
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(tokens.decoder());
        jwt.setJwtAuthenticationConverter(token -> {
            UserRole role;
            try {
                role = UserRole.parse(token.getClaimAsString(Tokens.ROLE_CLAIM));
            } catch (IllegalArgumentException e) {
                throw new InvalidBearerTokenException("token carries no known role");
            }
            List<SimpleGrantedAuthority> authorities = role.authorities().stream()
                    .map(SimpleGrantedAuthority::new).toList();
            return new JwtAuthenticationToken(token, authorities, "user:" + token.getSubject());
        });
        AuthenticationManager jwtManager = new ProviderManager(jwt);
        AuthenticationManager keyManager = new ProviderManager(new ApiKeyAuthentication(keys));
        return request -> {
            String authorization = request.getHeader("Authorization");
            boolean bearerKey = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && authorization.substring(7).trim().startsWith(ApiKeyStore.SECRET_PREFIX);
            return bearerKey || authorization == null ? keyManager : jwtManager;
        };
    }

    /** CORS: closed (no browser origin allowed) unless origins are configured. */
    static CorsConfigurationSource corsSource(List<String> allowedOrigins) {
        return request -> {
            if (allowedOrigins.isEmpty()) {
                return null;
            }
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowedOrigins);
            cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", API_KEY_HEADER));
            cors.setExposedHeaders(List.of("Location", "Retry-After", "WWW-Authenticate"));
            return cors;
        };
    }

    private static boolean matchesAny(HttpServletRequest request, String[] patterns) {
        String path = request.getRequestURI();
        for (String pattern : patterns) {
            String prefix = pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : null;
            if (path.equals(pattern) || (prefix != null && (path.equals(prefix) || path.startsWith(prefix + "/")))) {
                return true;
            }
        }
        return false;
    }
}
