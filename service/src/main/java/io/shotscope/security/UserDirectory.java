package io.shotscope.security;

import io.shotscope.service.ShotscopeProperties;
import io.shotscope.service.UserRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The users defined in configuration, checked by bcrypt password hash. */
public final class UserDirectory {

    private final Map<String, ShotscopeProperties.User> users = new LinkedHashMap<>();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    /** Checked for unknown names too, so a wrong name costs as long as a wrong password. */
    private final String decoyHash = bcrypt.encode("decoy password that matches nothing");

    public UserDirectory(List<ShotscopeProperties.User> configured) {
        for (int i = 0; i < configured.size(); i++) {
            ShotscopeProperties.User user = configured.get(i);
            String at = "shotscope.security.users[" + i + "]";
            if (user.name() == null || user.name().isBlank()) {
                throw new IllegalArgumentException(at + ".name is missing");
            }
            if (user.passwordHash() == null || !user.passwordHash().startsWith("$2")) {
                throw new IllegalArgumentException(at + ".password-hash must be a bcrypt hash ($2a$...);"
                        + " make one with: ./shotscope user add " + user.name() + " --role " + user.role().label());
            }
            if (users.putIfAbsent(user.name(), user) != null) {
                throw new IllegalArgumentException(at + ".name: user '" + user.name() + "' is defined twice");
            }
        }
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    /** The user's role when the name and password match a configured user. */
    public Optional<UserRole> authenticate(String name, String password) {
        ShotscopeProperties.User user = name == null ? null : users.get(name);
        String hash = user == null ? decoyHash : user.passwordHash();
        boolean matches = password != null && bcrypt.matches(password, hash);
        return user != null && matches ? Optional.of(user.role()) : Optional.empty();
    }
}
