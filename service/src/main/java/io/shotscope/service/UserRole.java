package io.shotscope.service;

import java.util.List;
import java.util.Locale;

/**
 * What a user or API key may do. Each role includes the ones before it: a viewer reads, a submitter
 * also uploads and analyses, an admin also deletes shots and manages API keys.
 */
public enum UserRole {
    VIEWER,
    SUBMITTER,
    ADMIN;

    /** The Spring Security authorities of this role and every role it includes ({@code ROLE_VIEWER} ...). */
    public List<String> authorities() {
        return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal())
                .map(r -> "ROLE_" + r.name()).toList();
    }

    /** The role's name as written in configuration, tokens and keys: {@code viewer}, {@code submitter}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named (any case); IllegalArgumentException naming the valid ones otherwise. */
    public static UserRole parse(String name) {
        for (UserRole role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "': use viewer, submitter or admin");
    }
}
