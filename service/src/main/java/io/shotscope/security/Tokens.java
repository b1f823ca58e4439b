package io.shotscope.security;

import io.shotscope.service.ShotscopeProperties;
import io.shotscope.service.UserRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues and checks the bearer tokens: JWTs signed with one HMAC key and one configured algorithm.
 * A token is accepted only with that algorithm (so {@code none} and every other one are refused), a
 * valid signature, the configured issuer and audience, an expiry in the future and a known role.
 */
public final class Tokens {

    /** The claim carrying the user's role. */
    public static final String ROLE_CLAIM = "role";
    /** Tolerated difference between clocks when checking expiry. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final ShotscopeProperties.Token settings;
    private final MacAlgorithm algorithm;
    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Clock clock;

    public Tokens(ShotscopeProperties.Token settings, byte[] secret, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.algorithm = algorithm(settings.algorithm());
        SecretKey key = new SecretKeySpec(secret, "Hmac" + algorithm.getName().replace("HS", "SHA"));
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(algorithm).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(CLOCK_SKEW);
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                expiry,
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(settings.audience()))));
    }

    /** A token for this user, valid for the configured lifetime. */
    public IssuedToken issue(String subject, UserRole role) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(settings.ttl()))
                .claim(ROLE_CLAIM, role.label())
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(algorithm).build(), claims))
                .getTokenValue();
        return new IssuedToken(value, settings.ttl());
    }

    /** Checks tokens: signature, algorithm, issuer, audience, expiry. */
    public JwtDecoder decoder() {
        return decoder;
    }

    private static MacAlgorithm algorithm(String name) {
        MacAlgorithm algorithm = MacAlgorithm.from(name == null ? "" : name.trim().toUpperCase(java.util.Locale.ROOT));
        if (algorithm == null) {
            throw new IllegalArgumentException("shotscope.security.token.algorithm must be HS256, HS384 or HS512, got '"
                    + name + "'");
        }
        return algorithm;
    }

    /**
     * @param value     the JWT
     * @param expiresIn how long it is valid
     */
    public record IssuedToken(String value, Duration expiresIn) {
        @Override
        public String toString() {
            return "IssuedToken[value=<hidden>, expiresIn=" + expiresIn + "]";
        }
    }
}
