package io.starbridge.topic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.starbridge.common.Idempotency;
import io.starbridge.common.Page;
import io.starbridge.common.StandardProblems;
import io.starbridge.security.Actor;
import io.starbridge.security.ClientIp;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Topics: create, the lists, one topic, moderation, deletion and read positions. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Topics")
@StandardProblems
class TopicController {
  private final CreateTopic createTopic;
  private final UpdateTopic updateTopic;
  private final DeleteTopic deleteTopic;
  private final TopicQueries topics;
  private final ReadTracking reads;
  private final TopicViews views;
  private final Idempotency idempotency;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final Guardians guardians;
  private final ClientIp clientIp;

  TopicController(
      CreateTopic createTopic,
      UpdateTopic updateTopic,
      DeleteTopic deleteTopic,
      TopicQueries topics,
      ReadTracking reads,
      TopicViews views,
      Idempotency idempotency,
      RateLimiter rateLimiter,
      Limits limits,
      Guardians guardians,
      ClientIp clientIp) {
    this.createTopic = createTopic;
    this.updateTopic = updateTopic;
    this.deleteTopic = deleteTopic;
    this.topics = topics;
    this.reads = reads;
    this.views = views;
    this.idempotency = idempotency;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.guardians = guardians;
    this.clientIp = clientIp;
  }

  @Post("/topics")
  @ApiResponse(
      responseCode = "201",
      description = "Created (or the first answer replayed for a repeated Idempotency-Key)")
  HttpResponse<TopicView> create(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @Header(Idempotency.HEADER) String key,
      @Valid @Body TopicRequests.Create body) {
    var result =
        idempotency.once(
            actor.id(),
            key,
            "POST /topics",
            body,
            201,
            Argument.of(TopicView.class),
            () -> {
              rateLimiter.consume(
                  limits.forActor(limits.topicsPerUser, guardians.of(actor)), guardians.of(actor));
              return createTopic.call(actor, body);
            });
    return HttpResponse.status(HttpStatus.valueOf(result.status())).body(result.body());
  }

  @Get("/topics{?params*}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Page<TopicListItem> siteWide(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @RequestBean TopicQueries.ListParams params) {
    return topics.siteWide(guardians.of(actor), params);
  }

  @Get("/boards/{slug}/topics{?params*}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Page<TopicListItem> ofBoard(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @RequestBean TopicQueries.ListParams params) {
    return topics.ofBoard(guardians.of(actor), slug, params);
  }

  @Get("/groups/{slug}/topics{?params*}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @ApiResponse(responseCode = "403", description = "Restricted group: only members read it")
  @ApiResponse(responseCode = "404", description = "No such group, or a secret one")
  Page<TopicListItem> ofGroup(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String slug,
      @RequestBean TopicQueries.ListParams params) {
    return topics.ofGroup(guardians.of(actor), slug, params);
  }

  @Get("/tags/{tag}/topics{?params*}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Page<TopicListItem> tagged(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable String tag,
      @RequestBean TopicQueries.ListParams params) {
    return topics.tagged(guardians.of(actor), tag, params);
  }

  @Get("/topics/{id}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  TopicView get(
      HttpRequest<?> request,
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id) {
    TopicView topic = topics.view(guardians.of(actor), id);
    views.record(id, actor.userId(), clientIp.of(request));
    return topic;
  }

  @Patch("/topics/{id}")
  TopicView update(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body TopicRequests.Update body) {
    rateLimiter.consume(
        limits.forActor(limits.editsPerUser, guardians.of(actor)), guardians.of(actor));
    return updateTopic.call(actor, id, body);
  }

  @Delete("/topics/{id}")
  @Status(HttpStatus.NO_CONTENT)
  void delete(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @PathVariable long id) {
    deleteTopic.delete(actor, id, null);
  }

  @Post("/topics/{id}/read")
  @Status(HttpStatus.NO_CONTENT)
  void markRead(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @PathVariable long id,
      @Valid @Body TopicRequests.Read body) {
    reads.markRead(actor, id, body.postNumber());
  }
}
