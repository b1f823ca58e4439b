package io.shotscope.api;

import io.shotscope.intake.PathNotAllowedException;
import io.shotscope.intake.UnanalysableInputException;
import io.shotscope.service.ShotscopeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail ({@code application/problem+json}) with a one-line detail
 * a person can act on: unknown shot 404, bad parameters 400, path outside the allowed roots 403, shot
 * not finished 409, upload too large 413, a plate that cannot be analysed 422, API asked of a worker 503.
 * Bad input never gives 500; a 500 says only that it is an internal error (the log has the rest).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final DataSize uploadLimit;

    public ProblemDetailsAdvice(ShotscopeProperties properties) {
        this.uploadLimit = properties.upload().limit();
    }

    @ExceptionHandler(ShotNotFoundException.class)
    ProblemDetail notFound(ShotNotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Shot not found", e.getMessage(), request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), request);
    }

    @ExceptionHandler(PathNotAllowedException.class)
    ProblemDetail notAllowed(PathNotAllowedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Path not allowed", e.getMessage(), request);
    }

    @ExceptionHandler(UnanalysableInputException.class)
    ProblemDetail unanalysable(UnanalysableInputException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Plate cannot be analysed", e.getMessage(), request);
    }

    @ExceptionHandler(ShotNotReadyException.class)
    ProblemDetail notReady(ShotNotReadyException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Shot not finished", e.getMessage(), request);
    }

    @ExceptionHandler(ApiNotServedException.class)
    ProblemDetail notServed(ApiNotServedException e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "API not served here", e.getMessage(), request);
    }

    /**
     * A multipart body the container cannot parse (Tomcat refuses file names holding NUL): 400, or
     * 422 for the file name, never 500. Uploads over the limit are answered below (413).
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedUpload(MultipartException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("InvalidFileNameException")) { // Tomcat's, by name
                return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Plate cannot be analysed",
                        "upload: the file name holds a control character", request);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "the upload is not a well-formed multipart/form-data request with a part named file", request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail internal(Exception e, HttpServletRequest request) {
        LOG.error("internal error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the service failed to answer; its log has the details", request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (mentionsHeader(e)) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "a part header of the upload (such as the file name) is longer than the service accepts");
            body.setTitle("Invalid request");
            return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the upload is larger than the limit of " + uploadLimit + " (shotscope.upload.limit)");
        body.setTitle("Upload too large");
        return handleExceptionInternal(e, body, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : e.getPropertyName();
        String detail = "id".equals(name)
                ? "'" + e.getValue() + "' is not a shot id (shot ids are UUIDs)"
                : name + " must be " + expected(e.getRequiredType()) + ", got '" + e.getValue() + "'";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Control characters a client put in a name or path come back escaped, keeping the detail one line. */
    static String oneLine(String detail) {
        if (detail == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(detail.length());
        detail.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Tomcat reports an over-long part header (a long file name) as a size limit too. */
    private static boolean mentionsHeader(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("header")) {
                return true;
            }
        }
        return false;
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        return type == null ? "something else" : "of type " + type.getSimpleName();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, oneLine(detail));
        problem.setTitle(title);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a request path that is no URI: the problem goes without its instance
        }
        return problem;
    }
}
