package io.starbridge.common;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error response is problem+json. This replaces Micronaut's default error body, so errors
 * raised by the framework itself (unknown route, wrong method, unreadable JSON, a failed
 * constraint, a body over the size limit, a security rejection) take the same shape as ours.
 */
@Singleton
@io.micronaut.context.annotation.Primary
public class ProblemHandler implements ErrorResponseProcessor<Problem> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> base) {
    Throwable cause = context.getRootCause().orElse(null);
    MutableHttpResponse<Problem> built = build(context, base.status(), cause);
    base.getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> built.header(name, v));
              }
            });
    return built;
  }

  private MutableHttpResponse<Problem> build(
      ErrorContext context, HttpStatus status, Throwable cause) {
    if (cause instanceof ApiException api) {
      return ProblemResponses.of(api);
    }
    if (cause instanceof ConstraintViolationException cve) {
      return ProblemResponses.of(validation(cve));
    }
    String detail =
        context.getErrors().isEmpty() ? null : safeMessage(context.getErrors().get(0).getMessage());
    ProblemType type =
        switch (status.getCode()) {
          case 400 ->
              cause instanceof ConversionErrorException
                      || cause instanceof UnsatisfiedRouteException
                  ? ProblemType.VALIDATION
                  : ProblemType.MALFORMED;
          case 401 -> ProblemType.UNAUTHORIZED;
          case 403 -> ProblemType.FORBIDDEN;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 409 -> ProblemType.CONFLICT;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          case 429 -> ProblemType.RATE_LIMITED;
          case 503 -> ProblemType.UNAVAILABLE;
          default -> status.getCode() >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED;
        };
    if (type == ProblemType.INTERNAL) {
      LOG.error(
          "Unhandled error on {} {}",
          context.getRequest().getMethod(),
          context.getRequest().getPath(),
          cause);
      detail = "An unexpected error occurred. It has been logged.";
    }
    List<FieldError> errors = new ArrayList<>();
    if (cause instanceof ConversionErrorException conversion) {
      String unknown = unknownProperty(conversion);
      if (unknown != null) {
        errors.add(FieldError.of(unknown, "unknown", "is not a known field"));
        detail = "'" + unknown + "' is not a known field";
      } else {
        String property = decodingProperty(conversion);
        String field = property != null ? property : conversion.getArgument().getName();
        errors.add(FieldError.of(field, "type", "has the wrong type or format"));
        detail = "The value of '" + field + "' has the wrong type or format";
      }
    } else if (cause instanceof UnsatisfiedRouteException unsatisfied) {
      String field = unsatisfied.getArgument().getName();
      errors.add(FieldError.of(field, "required", "is required"));
      detail = "'" + field + "' is required";
    } else if (type == ProblemType.NOT_FOUND && cause == null) {
      detail = "No such resource";
    }
    return ProblemResponses.of(type, detail, errors, null);
  }

  private static final java.util.regex.Pattern UNKNOWN_PROPERTY =
      java.util.regex.Pattern.compile("Unknown property \\[([^\\]]{1,100})\\]");

  /** Serde reports an unknown field as "Unknown property [x] encountered …": name it. */
  private static String unknownProperty(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      java.util.regex.Matcher m = UNKNOWN_PROPERTY.matcher(String.valueOf(c.getMessage()));
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  /** Serde names the property whose value had the wrong type: report that field, not the body. */
  private static String decodingProperty(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof io.micronaut.serde.exceptions.InvalidPropertyFormatException property) {
        // The JSON name when it differs from the Java one (@JsonProperty("private")).
        var argument = property.getArgument();
        return argument
            .getAnnotationMetadata()
            .stringValue("com.fasterxml.jackson.annotation.JsonProperty")
            .or(
                () ->
                    argument
                        .getAnnotationMetadata()
                        .stringValue(
                            "io.micronaut.serde.config.annotation.SerdeConfig", "property"))
            .orElse(argument.getName());
      }
    }
    return null;
  }

  /** Never echo exception internals (class names, stack frames) to the caller. */
  private static String safeMessage(String message) {
    if (message == null) {
      return null;
    }
    String m = message.length() > 300 ? message.substring(0, 300) : message;
    return m.replaceAll("(?i)\\b(?:io|java|com|org)\\.[\\w.$]+", "").trim();
  }

  static ApiException validation(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(v -> FieldError.of(fieldOf(v), codeOf(v), v.getMessage()))
            .toList();
    if (errors.isEmpty()) {
      return new ApiException(ProblemType.VALIDATION, "The request is not valid");
    }
    FieldError first = errors.get(0);
    return new ApiException(
        ProblemType.VALIDATION, first.field() + " " + first.message(), errors, null);
  }

  /** "register.request.handle" → "handle": drop the method and parameter nodes. */
  private static String fieldOf(ConstraintViolation<?> v) {
    List<String> names = new ArrayList<>();
    for (Path.Node node : v.getPropertyPath()) {
      switch (node.getKind()) {
        case PROPERTY, CONTAINER_ELEMENT -> {
          String n = node.getName();
          if (node.getIndex() != null && !names.isEmpty()) {
            names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
          }
          if (n != null && !n.startsWith("<")) {
            names.add(n);
          }
        }
        case PARAMETER -> names.add(node.getName());
        default -> {}
      }
    }
    // A body parameter named e.g. "request" wraps the fields the client actually sent.
    if (names.size() > 1) {
      names.remove(0);
    }
    return names.isEmpty() ? "body" : String.join(".", names);
  }

  private static String codeOf(ConstraintViolation<?> v) {
    return v.getConstraintDescriptor()
        .getAnnotation()
        .annotationType()
        .getSimpleName()
        .toLowerCase(Locale.ROOT);
  }

  /** Our own failures: problem+json with the type, field errors and Retry-After we chose. */
  @Singleton
  @Produces(ProblemResponses.MEDIA_TYPE)
  public static class ApiExceptionHandler
      implements ExceptionHandler<ApiException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
      return ProblemResponses.of(exception);
    }
  }

  /** Bean Validation failures name each offending field. */
  @Singleton
  @Produces(ProblemResponses.MEDIA_TYPE)
  @Replaces(io.micronaut.validation.exceptions.ConstraintExceptionHandler.class)
  public static class ValidationHandler
      implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(
        HttpRequest request, ConstraintViolationException exception) {
      return ProblemResponses.of(validation(exception));
    }
  }
}
