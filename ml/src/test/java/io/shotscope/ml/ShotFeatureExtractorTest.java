package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.testsupport.SharedClips;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotFeatureExtractorTest {

    private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults().withMaxFrames(12);

    @Test
    void anExtraTapSeesEveryAnalysedFrameAndChangesNothingElse() throws Exception {
        String clip = SharedClips.clip("asl-thanks.mkv").toString();
        List<Integer> seen = new ArrayList<>();
        try (ShotFeatureExtractor extractor = new ShotFeatureExtractor(OPTIONS)) {
            ShotFeatureExtractor.Extracted plain = extractor.extract(clip, ProgressListener.NONE);
            ShotFeatureExtractor.Extracted tapped = extractor.extract(clip, ProgressListener.NONE,
                    (index, frame) -> seen.add(frame.frameNumber()));

            assertEquals(tapped.report().frameNumbers(), seen);
            assertEquals(12, seen.size());
            assertEquals(plain.report().complexityScores(), tapped.report().complexityScores());
            assertArrayEquals(plain.features().frames()[3], tapped.features().frames()[3]);
        }
    }
}
