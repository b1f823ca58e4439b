package io.shotscope.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Experiment, not part of the product (docs/model.md, "An object detector trained on the renderer's
 * object positions"): for every shot of a synthetic run, every object's centre and size on screen in
 * every frame, from the renderer's own geometry, to supervise a detector that counts the objects.
 * In this package to reach the renderer, which the product keeps to itself.
 *
 * <p>usage: {@code ObjectBoxes SHOT_DIR RUN_SEED BACKGROUNDS_DIR OUT_CSV}; SHOT_DIR holds the run's
 * manifest, whose factors are checked against the ones re-drawn from the seed.
 */
public final class ObjectBoxes {
    private ObjectBoxes() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ObjectBoxes SHOT_DIR RUN_SEED BACKGROUNDS_DIR OUT_CSV");
            System.exit(2);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
            out.println("name,frame,object,x,y,width,height");
            RedrawnRun.forEach(Path.of(args[0]), Long.parseLong(args[1]), Path.of(args[2]), (name, renderer) -> {
                for (int frame = 0; frame < SynthConfig.DEFAULT.frames(); frame++) {
                    double[][] boxes = renderer.objectBoxes(frame);
                    for (int i = 0; i < boxes.length; i++) {
                        out.printf(Locale.ROOT, "%s,%d,%d,%.2f,%.2f,%.2f,%.2f%n", name, frame, i, boxes[i][0],
                                boxes[i][1], boxes[i][2], boxes[i][3]);
                    }
                }
            });
        }
    }
}
