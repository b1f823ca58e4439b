package io.shotscope.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.shotscope.service.ServesApi;
import io.shotscope.service.UserRole;
import io.shotscope.store.ApiKey;
import io.shotscope.store.ApiKeyStore;
import io.shotscope.store.IssuedApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API keys for machines (admin only): create one (its secret is answered once), list them, revoke one. */
@RestController
@Conditional(ServesApi.class)
@Tag(name = "keys", description = "API keys for machines (admin)")
public class ApiKeyController {

    static final String PATH = "/api/v1/keys";
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyController.class);

    private final ApiKeyStore keys;

    public ApiKeyController(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** @param name what the key is for; @param role viewer, submitter or admin */
    public record NewKey(String name, String role) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(UUID id, String name, String role, Instant createdAt, String secret) {
        static KeyView of(ApiKey key, String secret) {
            return new KeyView(key.id(), key.name(), key.role(), key.created(), secret);
        }

        @Override
        public String toString() {
            return "KeyView[id=" + id + ", name=" + name + ", role=" + role + "]";
        }
    }

    @Operation(summary = "Create an API key with a role; the answer holds its secret, shown this once")
    @PostMapping(PATH)
    public ResponseEntity<?> create(@RequestBody NewKey request) {
        UserRole role;
        try {
            role = UserRole.parse(request == null ? null : request.role());
            IssuedApiKey issued = keys.create(request.name(), role.label());
            LOG.info("API key {} '{}' created with role {}", issued.key().id(), issued.key().name(), role.label());
            return ResponseEntity.created(URI.create(PATH + "/" + issued.key().id()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(KeyView.of(issued.key(), issued.secret()));
        } catch (IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Invalid request");
            problem.setInstance(URI.create(PATH));
            return ResponseEntity.badRequest().body(problem);
        }
    }

    @Operation(summary = "Every API key (never their secrets)")
    @GetMapping(PATH)
    public List<KeyView> list() {
        return keys.list().stream().map(key -> KeyView.of(key, null)).toList();
    }

    @Operation(summary = "Revoke an API key at once (204; 404 unknown)")
    @DeleteMapping(PATH + "/{id}")
    public ResponseEntity<?> delete(@PathVariable UUID id) {
        if (!keys.delete(id)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no API key " + id);
            problem.setTitle("API key not found");
            problem.setInstance(URI.create(PATH + "/" + id));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        LOG.info("API key {} revoked", id);
        return ResponseEntity.noContent().build();
    }
}
