package io.starbridge.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code /api/v1/notifications}: the list, read marks, the live stream; preferences. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications")
@io.starbridge.common.StandardProblems
class NotificationController {
  static final Duration HEARTBEAT = Duration.ofSeconds(20);

  private final Notifications notifications;
  private final Preferences preferences;
  private final LiveNotifications live;
  private final Guardians guardians;

  NotificationController(
      Notifications notifications,
      Preferences preferences,
      LiveNotifications live,
      Guardians guardians) {
    this.notifications = notifications;
    this.preferences = preferences;
    this.live = live;
    this.guardians = guardians;
  }

  @Serdeable
  record ReadRequest(@Nullable List<Long> ids, @Nullable Boolean all) {}

  @Serdeable
  record ReadResult(int updated, int unreadCount) {}

  @Get("/notifications{?limit,cursor,unread}")
  @Operation(summary = "The caller's notifications, newest first, with the unread count")
  NotificationView.Page list(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Boolean unread) {
    Guardian g = guardians.of(actor);
    return notifications.page(g, limit, cursor, Boolean.TRUE.equals(unread));
  }

  @Post("/notifications/read")
  @Operation(
      summary = "Marks notifications read: {ids} or {all: true}",
      description = "A body with neither is a validation error on ids.")
  ReadResult read(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor, @Body ReadRequest body) {
    if (body.ids() == null && !Boolean.TRUE.equals(body.all())) {
      throw ApiException.invalid("ids", "required", "give ids, or all: true");
    }
    int n =
        notifications.markRead(
            actor.id(), body.ids(), body.all() != null && body.all().booleanValue());
    return new ReadResult(n, notifications.unreadCount(guardians.of(actor)));
  }

  /**
   * Server-Sent Events: first an {@code unread} event with the count, then one {@code notification}
   * event per new or changed notification, whose id is its change number; a reconnect with {@code
   * Last-Event-ID} replays what changed since. Comments keep the connection alive.
   */
  @Get(value = "/notifications/stream{?lastEventId}", produces = MediaType.TEXT_EVENT_STREAM)
  @Operation(summary = "Live notifications (Server-Sent Events, Last-Event-ID replay)")
  Publisher<Event<NotificationView.Live>> stream(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Nullable @Header("Last-Event-ID") String lastEventIdHeader,
      @Nullable @QueryValue String lastEventId) {
    long userId = actor.id();
    String given = lastEventIdHeader != null ? lastEventIdHeader : lastEventId;
    Long parsed = null;
    if (given != null) {
      try {
        parsed = Long.parseLong(given.trim());
      } catch (NumberFormatException e) {
        parsed = null;
      }
    }
    final Long from = parsed;
    AtomicLong position = new AtomicLong();
    Mono<Event<NotificationView.Live>> first =
        Mono.fromCallable(
                () -> {
                  Guardian g = guardians.of(actor);
                  position.set(from != null ? from : notifications.latestSeq(userId));
                  return Event.of(new NotificationView.Live(null, notifications.unreadCount(g)))
                      .name("unread");
                })
            .subscribeOn(Schedulers.boundedElastic());
    Flux<Long> ticks =
        Flux.merge(
                Flux.just(0L),
                live.wakeups(userId),
                Flux.interval(HEARTBEAT, HEARTBEAT).map(i -> -1L))
            .onBackpressureLatest();
    Flux<Event<NotificationView.Live>> updates =
        ticks.concatMap(
            tick ->
                Mono.fromCallable(
                        () -> {
                          Guardian g = guardians.of(actor);
                          var changed = notifications.since(g, position.get(), 100);
                          List<Event<NotificationView.Live>> events = new java.util.ArrayList<>();
                          int unread = changed.isEmpty() ? 0 : notifications.unreadCount(g);
                          for (Map.Entry<Long, NotificationView> c : changed) {
                            position.set(c.getKey());
                            if (c.getValue() != null) {
                              events.add(
                                  Event.of(new NotificationView.Live(c.getValue(), unread))
                                      .id(Long.toString(c.getKey()))
                                      .name("notification"));
                            }
                          }
                          if (events.isEmpty() && tick == -1L) {
                            events.add(
                                Event.of(new NotificationView.Live(null, -1))
                                    .comment("keep-alive"));
                          }
                          return events;
                        })
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMapMany(Flux::fromIterable),
            1);
    return first.concatWith(updates);
  }

  @Get("/me/notification-preferences")
  @Operation(summary = "Per-kind notification preferences (in-app; email for the important kinds)")
  Preferences.PreferenceList preferences(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor) {
    guardians.of(actor).ensureSignedIn();
    return preferences.of(actor.id());
  }

  @Put("/me/notification-preferences")
  @Operation(summary = "Changes notification preferences: {items:[{kind, inApp?, email?}]}")
  Preferences.PreferenceList updatePreferences(
      @io.swagger.v3.oas.annotations.Parameter(hidden = true) Actor actor,
      @Body Preferences.Update body) {
    guardians.of(actor).ensureSignedIn();
    return preferences.update(actor.id(), body);
  }
}
