package io.shotscope.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;

/**
 * The frames of a shot's filmstrip.
 *
 * @param frameNumbers the plate's frame numbers of the stored frames, in order
 * @param images       where each frame's JPEG is, aligned with frame_numbers
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FilmstripView(UUID id, List<Integer> frameNumbers, List<String> images) {
}
