package io.shotscope.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShotCodesTest {

    @Test
    void sequenceAndShotComeFromAnEditorialShotCode() {
        assertEquals(new ShotCodes.SequenceShot("SQ010", "SH0040"), ShotCodes.parse("SQ010_SH0040"));
    }

    @Test
    void lowerCaseCodesWithPlateAndVersionSuffixesAreUnderstood() {
        assertEquals(new ShotCodes.SequenceShot("SQ010", "SH0040"), ShotCodes.parse("sq010_sh0040_PL01_v001"));
        assertEquals(new ShotCodes.SequenceShot("SQ020", "SH0025"), ShotCodes.parse("show_sq020-sh0025"));
    }

    @Test
    void aNameWithoutSequenceAndShotIsItsOwnShotInNoSequence() {
        assertEquals(new ShotCodes.SequenceShot("", "car-detection"), ShotCodes.parse("car-detection"));
        assertEquals(new ShotCodes.SequenceShot("", "xsq010_sh0040"), ShotCodes.parse("xsq010_sh0040"));
    }
}
