package io.shotscope.video;

/** How a plate is stored. */
public enum PlateKind {
    /** One container file (QuickTime, MP4, Matroska, MXF, AVI ...). */
    MOVIE,
    /** Numbered image files, one per frame (EXR, DPX, TIFF, PNG, JPEG). */
    SEQUENCE
}
