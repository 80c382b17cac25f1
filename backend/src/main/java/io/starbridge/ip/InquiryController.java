package io.starbridge.ip;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Idempotency;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Adaptation inquiries: private threads between a verified industry professional and a work's
 * authors about one right. Who may do what is the Guardian's "inquiries" section.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "IP")
@StandardProblems
class InquiryController {
  private final Inquiries inquiries;
  private final InquiryQueries queries;
  private final Guardians guardians;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final Idempotency idempotency;

  InquiryController(
      Inquiries inquiries,
      InquiryQueries queries,
      Guardians guardians,
      RateLimiter rateLimiter,
      Limits limits,
      Idempotency idempotency) {
    this.inquiries = inquiries;
    this.queries = queries;
    this.guardians = guardians;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.idempotency = idempotency;
  }

  @Post("/works/{id}/inquiries")
  @Operation(
      summary = "Send an adaptation inquiry about one right of a work",
      description =
          "Verified industry professionals (badge verified_industry) about a published work they"
              + " may read and did not write. Body {medium, language (translation only, required"
              + " there), territory (1–200 chars), term (1–200 chars), message (Markdown, 1–10000"
              + " chars)}; the message opens the thread. The right must be available. 403 without"
              + " the badge or for the work's authors; 409 (/problems/conflict) when the right is"
              + " not available or the caller has an open inquiry about it. Rate limit:"
              + " starbridge.rate-limits.inquiries-per-hour (5).")
  @ApiResponse(responseCode = "201", description = "The inquiry with its thread")
  @ApiResponse(
      responseCode = "409",
      description = "Right not available, or an open inquiry about it exists (/problems/conflict)")
  HttpResponse<InquiryView> send(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Nullable @Body Inquiries.SendBody body) {
    var result =
        idempotency.once(
            actor.id(),
            key,
            "POST /works/" + id + "/inquiries",
            body,
            201,
            Argument.of(InquiryView.class),
            () -> {
              rateLimiter.consume(limits.inquiriesPerUser, guardians.of(actor));
              return inquiries.send(actor, id, body);
            });
    return HttpResponse.status(HttpStatus.valueOf(result.status())).body(result.body());
  }

  @Get("/me/inquiries{?role,state,cursor,limit}")
  @Operation(
      summary = "The caller's inquiries, sent and received",
      description =
          "role: sent (the caller asked) or received (about the caller's works); both when"
              + " absent. state: sent|in_discussion|declined|agreed|withdrawn, or several"
              + " separated by commas (state=sent,in_discussion: the open ones). Newest activity"
              + " first, keyset-paged. List items leave messages, events and allowedTransitions"
              + " out.")
  Page<InquiryView> mine(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue String role,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {
    return queries.mine(guardians.of(actor), role, state, cursor, limit);
  }

  @Get("/inquiries/{id}")
  @Operation(
      summary = "One inquiry with its thread",
      description =
          "The inquirer, the work's active authors and admins; 404 for everyone else. Carries"
              + " messages, state events, allowedTransitions and canPostMessage for the caller.")
  InquiryView get(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    return queries.thread(guardians.of(actor), id);
  }

  @Post("/inquiries/{id}/messages")
  @Operation(
      summary = "Write in an inquiry's thread",
      description =
          "The inquirer and the work's authors while the inquiry is open (sent or"
              + " in_discussion); body Markdown, 1–10000 chars. An author's message moves a sent"
              + " inquiry to in_discussion. 403 for admins who are not participants, 409 once"
              + " closed. Rate limit: starbridge.rate-limits.inquiry-messages-per-hour (30).")
  @ApiResponse(responseCode = "201", description = "The message")
  @ApiResponse(responseCode = "409", description = "The inquiry is closed (/problems/conflict)")
  HttpResponse<InquiryView.Message> post(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Body Inquiries.MessageBody body) {
    rateLimiter.consume(limits.inquiryMessagesPerUser, guardians.of(actor));
    return HttpResponse.created(inquiries.post(actor, id, body));
  }

  @Post("/inquiries/{id}/state")
  @Operation(
      summary = "Move an inquiry: {state, rightStatus?}",
      description =
          "sent → in_discussion → declined | agreed | withdrawn. Authors move sent →"
              + " in_discussion, decline and agree (from sent or in_discussion); agreeing is the"
              + " authors' confirmation and sets the work's right to rightStatus (under_option,"
              + " the default, or licensed) in the same transaction. The inquirer withdraws."
              + " Every change is audit-logged and notified. 403 when the caller's role never"
              + " makes that move (only authors confirm); 409 when it cannot be made from the"
              + " current state (declined, agreed and withdrawn are final).")
  @ApiResponse(
      responseCode = "409",
      description = "Not possible from the current state (/problems/conflict)")
  InquiryView state(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Nullable @Body Inquiries.StateBody body) {
    rateLimiter.consume(limits.inquiryMessagesPerUser, guardians.of(actor));
    return inquiries.changeState(actor, id, body);
  }
}
