package io.shotscope.cli;

import io.shotscope.analysis.ShotAnalyzer;
import picocli.CommandLine;

/** Prints the analyser version, which is also recorded in every report. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"shotscope analyzer " + ShotAnalyzer.VERSION};
    }
}
