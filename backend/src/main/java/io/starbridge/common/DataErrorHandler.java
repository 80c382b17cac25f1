package io.starbridge.common;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence for input the validators did not catch: data PostgreSQL refuses (class
 * 22, e.g. a NUL byte or a value out of range) is the caller's fault, a unique violation is a
 * conflict; anything else is ours and is logged.
 */
@Singleton
@Produces(ProblemResponses.MEDIA_TYPE)
public class DataErrorHandler
    implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(DataErrorHandler.class);

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
    String state = sqlState(exception);
    if (state != null && state.startsWith("22")) {
      return ProblemResponses.of(
          ProblemType.VALIDATION,
          "A value in the request cannot be stored (invalid characters or out of range)");
    }
    if ("23505".equals(state)) {
      return ProblemResponses.of(ProblemType.CONFLICT, "This already exists");
    }
    LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), exception);
    return ProblemResponses.of(
        ProblemType.INTERNAL, "An unexpected error occurred. It has been logged.");
  }

  static String sqlState(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
