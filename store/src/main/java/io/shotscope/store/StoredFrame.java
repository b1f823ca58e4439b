package io.shotscope.store;

import java.util.Objects;

/**
 * One frame of a shot's filmstrip.
 *
 * @param frameNumber the frame's number in the plate, as the report's {@code frame_numbers} give it
 * @param jpeg        the frame, small, as JPEG
 */
public record StoredFrame(int frameNumber, byte[] jpeg) {
    public StoredFrame {
        Objects.requireNonNull(jpeg, "jpeg");
    }
}
