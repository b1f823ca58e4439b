package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void hostAndPortAloneNeedNoPasswordAndUseDatabaseZero() {
        assertEquals(new RedisServer("cache", 6379, 0, null, null), RedisServer.parse("redis://cache"));
        assertEquals(new RedisServer("cache", 6380, 0, null, null), RedisServer.parse(" redis://cache:6380/ "));
    }

    @Test
    void aUserPasswordAndDatabaseAreReadFromTheUrl() {
        assertEquals(new RedisServer("cache", 6379, 2, "shotscope", "s3cret"),
                RedisServer.parse("redis://shotscope:s3cret@cache:6379/2"));
        assertEquals(new RedisServer("cache", 6379, 0, null, "s3cret"), RedisServer.parse("redis://:s3cret@cache"));
        assertEquals(new RedisServer("cache", 6379, 0, null, "s3cret"), RedisServer.parse("redis://s3cret@cache"),
                "a user part without a colon is the password, as redis-cli reads it");
        assertEquals("p@ss:word", RedisServer.parse("redis://:p%40ss%3Aword@cache").password(), "percent-decoded");
    }

    @Test
    void thePasswordNeverShowsInTheServersName() {
        String shown = RedisServer.parse("redis://shotscope:s3cret@cache:6379/2").toString();
        assertEquals("cache:6379/2 as shotscope (with a password)", shown);
        assertNull(RedisServer.parse("redis://cache").username());
    }

    @Test
    void aBadUrlIsRefusedWithTheFormAndWithoutItsPassword() {
        for (String url : new String[] {"cache:6379", "http://cache", "redis://:s3cret@cache/two",
                "redis://:s3cret@cache?ssl=true", "rediss://:s3cret@cache", "redis://:s3cret@"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisServer.parse(url));
            assertTrue(e.getMessage().startsWith("the Redis URL must look like " + RedisServer.FORM), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RedisServer.parse("rediss://cache"))
                .getMessage().endsWith("TLS (rediss://) is not supported yet"));
    }
}
