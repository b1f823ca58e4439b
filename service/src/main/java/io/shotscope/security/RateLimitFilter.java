package io.shotscope.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} once a caller is over its limit under /api. Placed twice in the
 * security chain: before authentication it counts per client address (sign-in attempts on their own,
 * harder limit), after authentication per principal.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** What one instance of the filter counts. */
    enum Scope { ADDRESS, PRINCIPAL }

    private final RateLimiter limiter;
    private final Scope scope;

    RateLimitFilter(RateLimiter limiter, Scope scope) {
        this.limiter = limiter;
        this.scope = scope;
    }

    /** Two instances in one chain: each must run once, not only the first. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RateLimitFilter.class.getName() + "." + scope + ".FILTERED";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limiter.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = scope == Scope.ADDRESS ? byAddress(request) : byPrincipal();
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
            Problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "rate limit reached (" + (isSignIn(request) ? "sign-in attempts per address" : scope == Scope.ADDRESS
                            ? "requests per address" : "requests per principal") + "); retry in " + wait.getAsLong() + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private OptionalLong byAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return isSignIn(request) ? limiter.signIn(address) : limiter.address(address);
    }

    private OptionalLong byPrincipal() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return OptionalLong.empty();
        }
        return limiter.principal(who.getName());
    }

    private static boolean isSignIn(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod()) && request.getRequestURI().equals(TokenController.PATH);
    }
}
