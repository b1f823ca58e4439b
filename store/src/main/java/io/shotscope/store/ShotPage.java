package io.shotscope.store;

import java.util.List;

/** One page of a {@link ShotQuery}, with the total number of matching shots. */
public record ShotPage(List<ShotRecord> items, long total, int page, int size) {
    public ShotPage {
        items = List.copyOf(items);
    }
}
