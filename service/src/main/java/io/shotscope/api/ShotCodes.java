package io.shotscope.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sequence and shot from a shot code as editorial names them: {@code SQ010_SH0040},
 * {@code sq010_sh0040_PL01_v001} or {@code show_SQ010-SH0040} all give sequence SQ010 and shot SH0040.
 * A name without that pattern is its own shot, in no sequence.
 */
final class ShotCodes {

    private static final Pattern SEQUENCE_AND_SHOT =
            Pattern.compile("(?<![A-Za-z0-9])(sq\\d+)[_.-]?(sh\\d+)(?![0-9])", Pattern.CASE_INSENSITIVE);

    private ShotCodes() {
    }

    /** @param sequence empty when the code names no sequence */
    record SequenceShot(String sequence, String shot) {
    }

    static SequenceShot parse(String shotCode) {
        Matcher m = SEQUENCE_AND_SHOT.matcher(shotCode);
        if (m.find()) {
            return new SequenceShot(m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT));
        }
        return new SequenceShot("", shotCode);
    }
}
