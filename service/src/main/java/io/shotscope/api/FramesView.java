package io.shotscope.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-frame series of a finished shot.
 *
 * @param frameNumbers the plate's frame number of every analysed frame
 * @param scores       per metric, one score in [0, 1] per analysed frame (aligned with frame_numbers)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FramesView(UUID id, List<Integer> frameNumbers, Map<String, List<Double>> scores) {
}
