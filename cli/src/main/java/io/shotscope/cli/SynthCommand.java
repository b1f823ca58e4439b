package io.shotscope.cli;

import io.shotscope.synth.SynthShot;
import io.shotscope.synth.SyntheticShots;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shotscope synth}: renders labelled procedural shots for training and testing models. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Renders procedural shots with known difficulty factors and labels them Easy/Medium/Hard",
            "by the effort rubric of docs/synth.md. Writes DIR/shot_00001.mkv ... and DIR/manifest.csv",
            "(path,label,days,factors). The same seed always gives the same shots."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the shots and manifest.csv to.")
    Path out;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many shots to render.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backgrounds", paramLabel = "DIR",
            description = "Folder of movies whose frames serve as backgrounds (e.g. ../shared/clips); procedural backgrounds without it.")
    Path backgrounds;

    @Mixin
    ProgressMixin progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return OutputFolder.tidiedAfter(out, this::run);
    }

    private Integer run() throws Exception {
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        if (backgrounds != null && !Files.isDirectory(backgrounds)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--backgrounds: no such folder: " + backgrounds);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!OutputFolder.ready(out, err)) {
            return 2;
        }
        boolean show = progress.show();
        ProgressBar bar = show ? new ProgressBar(err, "synth", "shots/s") : null;
        ProgressLines lines = show ? null : ProgressLines.forTotal(count, err, "synth", "shots");
        List<SynthShot> shots;
        try {
            shots = SyntheticShots.render(out, count, seed, backgrounds,
                    bar != null ? (shot, done, total) -> bar.framesRead(done, total)
                            : lines != null ? (shot, done, total) -> lines.framesRead(done, total) : null);
        } catch (IllegalArgumentException badBackground) {
            if (bar != null) {
                bar.finish();
            }
            err.println("error: " + badBackground.getMessage());
            return 1;
        }
        if (bar != null) {
            bar.finish();
        }
        Map<String, Integer> classes = new TreeMap<>();
        shots.forEach(s -> classes.merge(s.label().toString(), 1, Integer::sum));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%d shots in %s (manifest %s): %s%n", shots.size(), out, out.resolve(SyntheticShots.MANIFEST), classes);
        stdout.flush();
        return 0;
    }
}
