package io.shotscope.ml;

import java.util.Arrays;
import java.util.List;

/** How hard a shot is to work on; the ordinal is the class index the networks use. */
public enum Difficulty {
    Easy,
    Medium,
    Hard;

    /** Class names in index order, as stored in model files. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    public static Difficulty ofIndex(int index) {
        return values()[index];
    }
}
