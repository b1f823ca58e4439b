package io.shotscope.synth;

/** How hard a shot is, as written in the manifest's {@code label} column. */
public enum ShotLabel {
    EASY("Easy"), MEDIUM("Medium"), HARD("Hard");

    private final String text;

    ShotLabel(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
