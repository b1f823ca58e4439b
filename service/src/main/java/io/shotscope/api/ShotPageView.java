package io.shotscope.api;

import java.util.List;

/**
 * One page of shots.
 *
 * @param total shots matching the filters, on every page
 * @param page  zero-based page number
 */
public record ShotPageView(List<ShotView> items, long total, int page, int size) {
}
