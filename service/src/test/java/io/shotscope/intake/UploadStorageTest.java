package io.shotscope.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(UploadStorage.FALLBACK_NAME, UploadStorage.safeName(".."));
        assertEquals(UploadStorage.FALLBACK_NAME, UploadStorage.safeName(null));
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = UploadStorage.safeName("a".repeat(500) + ".mov");
        assertEquals(UploadStorage.MAX_NAME_LENGTH, name.length());
        assertTrue(name.endsWith(".mov"));
    }
}
