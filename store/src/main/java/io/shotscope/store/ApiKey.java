package io.shotscope.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as stored: everything but its secret, of which only a hash is kept.
 *
 * @param id      the key's id, used to revoke it
 * @param name    what the key is for (a machine, a script), chosen by whoever created it
 * @param role    the role requests made with the key act as
 * @param created when the key was created
 */
public record ApiKey(UUID id, String name, String role, Instant created) {
}
