package io.shotscope.security;

import io.shotscope.service.UserRole;
import io.shotscope.store.ApiKey;
import io.shotscope.store.ApiKeyStore;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Authenticates an API key secret against the key store: the key acts with the role it was created with. */
final class ApiKeyAuthentication implements AuthenticationProvider {

    private final ApiKeyStore keys;

    ApiKeyAuthentication(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
        ApiKey key = keys.find(secret).orElseThrow(() -> new InvalidBearerTokenException("unknown or revoked API key"));
        return new KeyPrincipal(key);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A request made with an API key; its name ({@code key:<id>}) is what rate limits count. */
    static final class KeyPrincipal extends AbstractAuthenticationToken {
        private final ApiKey key;

        KeyPrincipal(ApiKey key) {
            super(authorities(key));
            this.key = key;
            setAuthenticated(true);
        }

        private static List<SimpleGrantedAuthority> authorities(ApiKey key) {
            return UserRole.parse(key.role()).authorities().stream().map(SimpleGrantedAuthority::new).toList();
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return key;
        }

        @Override
        public String getName() {
            return "key:" + key.id();
        }
    }
}
