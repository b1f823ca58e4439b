package io.shotscope.ml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a model's JSON files; a broken one is named with the line and column, in one line. */
final class JsonFiles {

    private JsonFiles() {
    }

    static <T> T read(ObjectMapper json, Path file, Class<T> type) throws IOException {
        try {
            return json.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IOException(file + ": not valid JSON for a shotscope model" + where + ": " + reason, e);
        }
    }
}
