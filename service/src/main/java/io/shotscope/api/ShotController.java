package io.shotscope.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.analysis.ReportJson;
import io.shotscope.intake.ShotIntake;
import io.shotscope.intake.Submission;
import io.shotscope.service.ServesApi;
import io.shotscope.store.FrameStore;
import io.shotscope.store.ShotPage;
import io.shotscope.store.ShotQuery;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotStatus;
import io.shotscope.store.ShotStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The shots API: submit plates, follow them, read their reports, export a bid sheet. */
@RestController
@RequestMapping(ShotController.BASE)
@Conditional(ServesApi.class)
@Tag(name = "shots", description = "Submit plates and read their complexity reports")
public class ShotController {

    static final String BASE = "/api/v1/shots";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ShotIntake intake;
    private final ShotStore store;
    private final FrameStore frames;

    public ShotController(ShotIntake intake, ShotStore store, FrameStore frames) {
        this.intake = intake;
        this.store = store;
        this.frames = frames;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a plate (a movie file) to analyse",
            description = "The file is streamed to disk. 202 with the shot's location when a job was queued; 201"
                    + " when identical content was analysed before and the shot is DONE at once (no recomputation).")
    @ApiResponse(responseCode = "202", description = "queued")
    @ApiResponse(responseCode = "201", description = "answered at once from the result of identical content")
    @ApiResponse(responseCode = "413", description = "larger than shotscope.upload.limit")
    @ApiResponse(responseCode = "422", description = "not a plate that can be analysed")
    public ResponseEntity<ShotView> upload(@RequestPart("file") MultipartFile file) {
        return submitted(intake.submitUpload(file));
    }

    @PostMapping(path = "/analyze-path", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Analyse a plate already on shared storage",
            description = "Only paths under shotscope.analyze-path.roots are accepted (403 otherwise).")
    @ApiResponse(responseCode = "202", description = "queued")
    @ApiResponse(responseCode = "201", description = "answered at once from the result of identical content")
    @ApiResponse(responseCode = "403", description = "outside the allowed roots")
    @ApiResponse(responseCode = "422", description = "not a plate that can be analysed")
    public ResponseEntity<ShotView> analyzePath(@RequestBody AnalyzePathRequest request) {
        if (request == null || request.path() == null || request.path().isBlank()) {
            throw new InvalidRequestException("the body must be {\"path\": \"<movie, sequence pattern or folder>\"}");
        }
        return submitted(intake.submitPath(request.path()));
    }

    @GetMapping
    @Operation(summary = "List shots, filtered, paged and sorted")
    public ShotPageView list(
            @Parameter(description = "QUEUED, RUNNING, DONE or FAILED") @RequestParam(required = false) String status,
            @Parameter(description = "Easy, Medium or Hard") @RequestParam(name = "class", required = false)
            String difficulty,
            @Parameter(description = "case-insensitive part of the shot code or input") @RequestParam(required = false)
            String text,
            @Parameter(description = "zero-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "shots per page, 1..500") @RequestParam(defaultValue = "" + ShotFilters.DEFAULT_SIZE)
            int size,
            @Parameter(description = "created_at, updated_at, shot_code, confidence or status, then ,asc or ,desc")
            @RequestParam(defaultValue = "created_at,desc") String sort) {
        ShotPage found = store.search(ShotFilters.query(status, difficulty, text, page, size, sort));
        List<ShotView> items = found.items().stream().map(s -> ShotView.of(s, null)).toList();
        return new ShotPageView(items, found.total(), found.page(), found.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A shot's status and, once DONE, its report")
    @ApiResponse(responseCode = "404", description = "no such shot")
    public ShotView get(@PathVariable UUID id) {
        ShotRecord shot = find(id);
        // the stored report is written as it is: a finished report can hold every frame's metric scores
        return ShotView.of(shot, shot.status() == ShotStatus.DONE ? shot.reportJson() : null);
    }

    @GetMapping("/{id}/frames")
    @Operation(summary = "Per-frame scores of a DONE shot")
    @ApiResponse(responseCode = "409", description = "the shot is not DONE")
    public FramesView frames(@PathVariable UUID id) {
        ShotRecord shot = find(id);
        JsonNode report = report(shot);
        if (report == null) {
            throw new ShotNotReadyException(shot, "per-frame scores");
        }
        List<Integer> numbers = ReportJson.mapper().convertValue(report.path("frame_numbers"),
                ReportJson.mapper().getTypeFactory().constructCollectionType(List.class, Integer.class));
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = report.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            scores.put(metric.getKey(), ReportJson.mapper().convertValue(metric.getValue().path("frame_scores"),
                    ReportJson.mapper().getTypeFactory().constructCollectionType(List.class, Double.class)));
        }
        return new FramesView(id, numbers, scores);
    }

    @GetMapping("/{id}/thumbnail")
    @Operation(summary = "A middle frame of a DONE shot, as JPEG")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_JPEG_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "409", description = "the shot is not DONE")
    public ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
        ShotRecord shot = find(id);
        if (shot.status() != ShotStatus.DONE) {
            throw new ShotNotReadyException(shot, "thumbnail");
        }
        byte[] jpeg = store.thumbnail(id).orElseThrow(() -> new ShotNotReadyException(shot, "thumbnail"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noCache()).body(jpeg);
    }

    @GetMapping("/{id}/filmstrip")
    @Operation(summary = "Frame numbers of a shot's filmstrip (up to 24 frames spread over the shot)",
            description = "Empty until the shot is DONE, and for a shot answered from a cached result alone.")
    @ApiResponse(responseCode = "404", description = "no such shot")
    public FilmstripView filmstrip(@PathVariable UUID id) {
        find(id);
        List<Integer> numbers = frames.frameNumbers(id);
        return new FilmstripView(id, numbers, numbers.stream().map(n -> frameLink(id, n)).toList());
    }

    @GetMapping("/{id}/filmstrip/{frame}.jpg")
    @Operation(summary = "One frame of a shot's filmstrip, as JPEG")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_JPEG_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "no such shot, or the frame is not in its filmstrip")
    public ResponseEntity<byte[]> filmstripFrame(@PathVariable UUID id, @PathVariable int frame) {
        find(id);
        byte[] jpeg = frames.jpeg(id, frame).orElseThrow(() -> new ShotNotFoundException(id,
                "has no frame " + frame + " in its filmstrip"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noCache()).body(jpeg);
    }

    static String frameLink(UUID id, int frame) {
        return BASE + "/" + id + "/filmstrip/" + frame + ".jpg";
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a shot, its result and its uploaded file")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such shot")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!intake.delete(id)) {
            throw new ShotNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/export.csv")
    @Operation(summary = "A bid sheet for a production tracker (CSV)",
            description = "Columns: Sequence, Shot, Frame In, Frame Out, Frames, FPS, Class, Confidence, Days"
                    + " (the artist-days a model that learned them estimates), the metric"
                    + " scores, Top Factors, Description. DONE shots by default, sorted by shot code.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "QUEUED, RUNNING, DONE or FAILED") @RequestParam(defaultValue = "DONE")
            String status,
            @Parameter(description = "Easy, Medium or Hard") @RequestParam(name = "class", required = false)
            String difficulty,
            @Parameter(description = "case-insensitive part of the shot code or input") @RequestParam(required = false)
            String text,
            @Parameter(description = "as for the list") @RequestParam(defaultValue = "shot_code,asc") String sort) {
        ShotQuery first = ShotFilters.query(status, difficulty, text, 0, ShotQuery.MAX_SIZE, sort);
        StreamingResponseBody body = stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            BidSheet sheet = new BidSheet(writer);
            sheet.writeHeader();
            ShotQuery query = first;
            while (true) {
                ShotPage page = store.search(query);
                for (ShotRecord shot : page.items()) {
                    sheet.write(shot);
                }
                if (page.items().size() < query.size()) {
                    break;
                }
                query = new ShotQuery(query.status(), query.difficulty(), query.text(), query.page() + 1,
                        query.size(), query.sort(), query.ascending());
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"shotscope-bid-sheet.csv\"")
                .body(body);
    }

    private ShotRecord find(UUID id) {
        return store.find(id).orElseThrow(() -> new ShotNotFoundException(id));
    }

    private static ResponseEntity<ShotView> submitted(Submission submission) {
        ShotRecord shot = submission.shot();
        HttpStatus status = submission.answeredAtOnce() ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + "/{id}").build(shot.id());
        return ResponseEntity.status(status).location(location)
                .body(ShotView.of(shot, null));
    }

    private static JsonNode report(ShotRecord shot) {
        if (shot.status() != ShotStatus.DONE || shot.reportJson() == null) {
            return null;
        }
        try {
            return ReportJson.mapper().readTree(shot.reportJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shot " + shot.id() + " has a report that is not JSON", e);
        }
    }
}
