package io.shotscope.api;

import io.shotscope.ml.Difficulty;
import io.shotscope.store.ShotQuery;
import io.shotscope.store.ShotStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns the list and export query parameters into a {@link ShotQuery}, or a 400 saying what was expected. */
final class ShotFilters {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_TEXT_LENGTH = 200;

    private ShotFilters() {
    }

    static ShotQuery query(String status, String difficulty, String text, int page, int size, String sort) {
        String[] sortParts = sort == null || sort.isBlank() ? new String[] {"created_at"} : sort.split(",", -1);
        if (sortParts.length > 2) {
            throw new InvalidRequestException("sort must be <column>[,asc|desc], got '" + sort + "'");
        }
        ShotQuery.Sort column = sortColumn(sortParts[0].trim());
        boolean ascending = sortParts.length == 2 ? direction(sortParts[1].trim()) : column == ShotQuery.Sort.SHOT_CODE;
        try {
            return new ShotQuery(status(status), difficulty(difficulty), text(text), page, size, column, ascending);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    static ShotStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ShotStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status must be one of " + Arrays.toString(ShotStatus.values())
                    + ", got '" + value + "'");
        }
    }

    static String difficulty(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Difficulty.names().stream().filter(n -> n.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("class must be one of " + Difficulty.names()
                        + ", got '" + value + "'"));
    }

    static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException("text must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return value.trim();
    }

    private static ShotQuery.Sort sortColumn(String value) {
        for (ShotQuery.Sort s : ShotQuery.Sort.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new InvalidRequestException("sort column must be one of " + Arrays.stream(ShotQuery.Sort.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }

    private static boolean direction(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidRequestException("sort direction must be asc or desc, got '" + value + "'");
        };
    }
}
