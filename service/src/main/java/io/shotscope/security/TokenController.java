package io.shotscope.security;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.shotscope.service.ServesApi;
import io.shotscope.service.UserRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a user name and password for a bearer token. */
@RestController
@Conditional(ServesApi.class)
@Tag(name = "auth", description = "Sign in for a bearer token")
public class TokenController {

    static final String PATH = "/api/v1/auth/token";
    private static final Logger LOG = LoggerFactory.getLogger(TokenController.class);

    private final UserDirectory users;
    private final Tokens tokens;

    public TokenController(UserDirectory users, Tokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** @param user the user name; @param password the password (never logged) */
    public record SignIn(String user, String password) {
        @Override
        public String toString() {
            return "SignIn[user=" + user + ", password=<hidden>]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TokenView(String accessToken, String tokenType, long expiresIn, String role) {
        @Override
        public String toString() {
            return "TokenView[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", role=" + role + "]";
        }
    }

    @Operation(summary = "Sign in: a bearer token for a configured user (401 for a wrong name or password)")
    @PostMapping(PATH)
    public ResponseEntity<?> token(@RequestBody SignIn signIn, HttpServletRequest request) {
        String name = signIn == null ? null : signIn.user();
        Optional<UserRole> role = users.authenticate(name, signIn == null ? null : signIn.password());
        if (role.isEmpty()) {
            LOG.warn("sign-in refused for user '{}' from {}", printable(name), request.getRemoteAddr());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "unknown user or wrong password");
            problem.setTitle("Unauthorized");
            problem.setInstance(URI.create(PATH));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + ProblemEntryPoint.REALM + "\"")
                    .body(problem);
        }
        Tokens.IssuedToken token = tokens.issue(name, role.get());
        LOG.info("user '{}' signed in as {} from {}", name, role.get().label(), request.getRemoteAddr());
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new TokenView(token.value(), "Bearer", token.expiresIn().toSeconds(), role.get().label()));
    }

    /** A user name as it may appear in a log line: one line, bounded. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String line = name.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 64 ? line.substring(0, 64) + "..." : line;
    }
}
