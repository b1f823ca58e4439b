package io.shotscope.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details with the {@code WWW-Authenticate} challenge of RFC 6750: no or a bad
 * credential is 401 (saying how to sign in, or why the token was refused), a role that may not do
 * this is 403.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "shotscope";
    private static final String HOW_TO_SIGN_IN = "sign in with POST /api/v1/auth/token and send"
            + " 'Authorization: Bearer <token>', or send an API key";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String challenge = "Bearer realm=\"" + REALM + "\"";
        String detail = HOW_TO_SIGN_IN;
        if (e instanceof OAuth2AuthenticationException refused) {
            String reason = oneLine(refused.getError().getDescription());
            challenge += ", error=\"invalid_token\", error_description=\"" + reason.replace("\"", "'") + "\"";
            detail = "credential refused: " + reason;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        Problems.write(response, request, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"");
        Problems.write(response, request, HttpStatus.FORBIDDEN, "Forbidden",
                "your role may not " + request.getMethod() + " " + request.getRequestURI()
                        + " (viewers read, submitters also submit, admins also delete and manage keys)");
    }

    private static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "invalid token";
        }
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
