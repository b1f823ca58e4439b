package io.shotscope.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.HostileInputs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadStorageTest {

    @Test
    void onlyTheLastSegmentOfAClientFileNameIsKept() {
        assertEquals("plate.mov", UploadStorage.safeName("../../etc/plate.mov"));
        assertEquals("plate.mov", UploadStorage.safeName("C:\\Users\\me\\plate.mov"));
    }

    @Test
    void unsafeCharactersAndLeadingDotsAreReplaced() {
        assertEquals("SQ010_SH0040_v_1_.mov", UploadStorage.safeName("SQ010 SH0040 v(1).mov"));
        assertEquals("hidden.mov", UploadStorage.safeName("..hidden.mov"));
        assertEquals("a.b.mov", UploadStorage.safeName("a..b.mov"));
        assertEquals(UploadStorage.FALLBACK_NAME, UploadStorage.safeName(".."));
        assertEquals(UploadStorage.FALLBACK_NAME, UploadStorage.safeName(null));
    }

    @Test
    void unicodeNamesAreKeptInNormalFormC() {
        assertEquals("plan_\u00e9t\u00e9_\u65e5\u672c.mov", UploadStorage.safeName("plan \u00e9te\u0301 \u65e5\u672c.mov"));
        assertEquals("evil_vom.mov", UploadStorage.safeName("evil\u202evom.mov"), "bidi overrides replaced");
    }

    @Test
    void longNamesAreCutToTwoHundredFiftyFiveBytesKeepingTheExtension() {
        String ascii = UploadStorage.safeName("a".repeat(500) + ".mov");
        assertEquals(UploadStorage.MAX_NAME_BYTES, ascii.length());
        assertTrue(ascii.endsWith(".mov"));
        String wide = UploadStorage.safeName("\u65e5".repeat(200) + ".mov");
        assertTrue(wide.getBytes(StandardCharsets.UTF_8).length <= UploadStorage.MAX_NAME_BYTES);
        assertTrue(wide.endsWith(".mov") && wide.startsWith("\u65e5"));
    }

    @Test
    void namesWithControlCharactersAreRefusedWithoutRepeatingThem() {
        for (String name : new String[] {"nul\u0000byte.mp4", "new\nline.mp4", "bell\u0007.mp4", "cr\r.mp4"}) {
            UnanalysableInputException e = assertThrows(UnanalysableInputException.class,
                    () -> UploadStorage.checkedClientName(name));
            assertTrue(e.getMessage().startsWith("upload: the file name holds a control character"), e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
        }
        assertThrows(UnanalysableInputException.class, () -> UploadStorage.checkedClientName("x".repeat(5000)));
    }

    @Test
    void everyHostileNameIsRefusedOrBecomesOneSafeSegment() {
        for (String name : HostileInputs.hostileUploadNames()) {
            String stored;
            try {
                stored = UploadStorage.safeName(UploadStorage.checkedClientName(name));
            } catch (UnanalysableInputException refused) {
                continue;
            }
            assertFalse(stored.contains("/") || stored.contains("\\") || stored.contains("..")
                    || stored.startsWith("."), stored);
            assertTrue(stored.getBytes(StandardCharsets.UTF_8).length <= UploadStorage.MAX_NAME_BYTES, stored);
            assertFalse(stored.chars().anyMatch(Character::isISOControl), stored);
        }
    }
}
