package io.shotscope.intake;

import io.shotscope.store.ShotRecord;

/**
 * A submitted shot.
 *
 * @param shot           the new shot record
 * @param answeredAtOnce true when identical content had been analysed by the same versions: the shot is
 *                       DONE already, with a copy of that result, and no job was queued
 */
public record Submission(ShotRecord shot, boolean answeredAtOnce) {
}
