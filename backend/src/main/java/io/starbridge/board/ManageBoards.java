package io.starbridge.board;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.moderation.AuditLog;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Admins create, change and delete boards; every change is audit-logged and announced. */
@Singleton
public class ManageBoards {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,48}[a-z0-9]");
  private static final int MAX_NAME = 80;

  private final Db db;
  private final Boards boards;
  private final BoardQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  ManageBoards(
      Db db,
      Boards boards,
      BoardQueries queries,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit) {
    this.db = db;
    this.boards = boards;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public BoardView create(Actor actor, BoardRequests.Create req) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanManageBoards();
    List<FieldError> errors = new ArrayList<>();
    String slug = checkSlug(req.slug(), errors);
    String nameZh = checkName("nameZh", req.nameZh(), errors);
    String nameEn = checkName("nameEn", req.nameEn(), errors);
    String descZh = checkText("descriptionZh", req.descriptionZh(), errors);
    String descEn = checkText("descriptionEn", req.descriptionEn(), errors);
    throwIfAny(errors);
    if (boards.slugTaken(slug)) {
      throw ApiException.conflict(
          "A board with this slug exists", FieldError.of("slug", "taken", "is already taken"));
    }
    Board parent = blankToNull(req.parent()) == null ? null : parentBoard(req.parent(), null);
    int position =
        req.position() != null
            ? req.position()
            : (int) db.count("select coalesce(max(position), 0) + 1 from boards");
    Board.Access read =
        req.readAccess() == null ? Board.Access.EVERYONE : Board.Access.parse(req.readAccess());
    Board.Access post =
        req.postAccess() == null ? Board.Access.SIGNED_IN : Board.Access.parse(req.postAccess());
    Board draft =
        new Board(
            0,
            slug,
            nameZh,
            nameEn,
            descZh,
            descEn,
            position,
            parent == null ? null : parent.id(),
            req.color() == null ? "#3b6ea8" : req.color().toLowerCase(Locale.ROOT),
            read,
            trustFor(read, req.minReadTrust()),
            post,
            trustFor(post, req.minPostTrust()),
            Boolean.TRUE.equals(req.approvalRequired()));
    checkReadRuleWithinParent(draft, parent);
    long id = boards.insert(draft);
    Board created = boards.byId(id).orElseThrow();
    audit.record(actor.id(), "create_board", "board", id, req.reason(), null, created);
    outbox.publish("BoardCreated", "board", id, actor.id(), Map.of("slug", slug));
    return queries.one(guardian, slug);
  }

  @Transactional
  public BoardView update(Actor actor, String slug, BoardRequests.Update req) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanManageBoards();
    Board before = boards.bySlugForUpdate(slug).orElseThrow(() -> ApiException.notFound("Board"));
    List<FieldError> errors = new ArrayList<>();
    String newSlug = req.slug() == null ? before.slug() : checkSlug(req.slug(), errors);
    String nameZh =
        req.nameZh() == null ? before.nameZh() : checkName("nameZh", req.nameZh(), errors);
    String nameEn =
        req.nameEn() == null ? before.nameEn() : checkName("nameEn", req.nameEn(), errors);
    String descZh =
        req.descriptionZh() == null
            ? before.descriptionZh()
            : checkText("descriptionZh", req.descriptionZh(), errors);
    String descEn =
        req.descriptionEn() == null
            ? before.descriptionEn()
            : checkText("descriptionEn", req.descriptionEn(), errors);
    throwIfAny(errors);
    if (!newSlug.equals(before.slug()) && boards.slugTaken(newSlug)) {
      throw ApiException.conflict(
          "A board with this slug exists", FieldError.of("slug", "taken", "is already taken"));
    }
    Board parent;
    if (req.parent() == null) {
      parent = before.parentId() == null ? null : boards.byId(before.parentId()).orElseThrow();
    } else {
      parent = req.parent().isBlank() ? null : parentBoard(req.parent(), before);
    }
    Board.Access read =
        req.readAccess() == null ? before.readAccess() : Board.Access.parse(req.readAccess());
    Board.Access post =
        req.postAccess() == null ? before.postAccess() : Board.Access.parse(req.postAccess());
    int minRead =
        trustFor(read, req.minReadTrust() != null ? req.minReadTrust() : before.minReadTrust());
    int minPost =
        trustFor(post, req.minPostTrust() != null ? req.minPostTrust() : before.minPostTrust());
    Board after =
        new Board(
            before.id(),
            newSlug,
            nameZh,
            nameEn,
            descZh,
            descEn,
            req.position() == null ? before.position() : req.position(),
            parent == null ? null : parent.id(),
            req.color() == null ? before.color() : req.color().toLowerCase(Locale.ROOT),
            read,
            minRead,
            post,
            minPost,
            req.approvalRequired() == null ? before.approvalRequired() : req.approvalRequired());
    checkReadRuleWithinParent(after, parent);
    for (Board child : boards.children(before.id())) {
      if (!Guardian.readRuleWithin(
          child.readAccess(), child.minReadTrust(), after.readAccess(), after.minReadTrust())) {
        throw ApiException.conflict(
            "Sub-board '"
                + child.slug()
                + "' would be readable by more people than this board; change it first",
            FieldError.of("readAccess", "children", "is stricter than a sub-board's"));
      }
    }
    boards.update(after);
    audit.record(actor.id(), "update_board", "board", before.id(), req.reason(), before, after);
    outbox.publish(
        "BoardUpdated",
        "board",
        before.id(),
        actor.id(),
        Map.of("slug", newSlug, "previousSlug", before.slug()));
    return queries.one(guardian, newSlug);
  }

  /** Only an empty board goes: its topics (deleted ones too) must be moved first. */
  @Transactional
  public void delete(Actor actor, String slug) {
    guardians.of(actor).ensureCanManageBoards();
    Board board = boards.bySlugForUpdate(slug).orElseThrow(() -> ApiException.notFound("Board"));
    if (boards.hasChildren(board.id())) {
      throw ApiException.conflict("This board has sub-boards: move or delete them first");
    }
    if (db.count("select count(*) from topics where board_id = ?", board.id()) > 0) {
      throw ApiException.conflict("This board has topics: move them to another board first");
    }
    db.update("delete from boards where id = ?", board.id());
    audit.record(actor.id(), "delete_board", "board", board.id(), null, board, null);
    outbox.publish("BoardDeleted", "board", board.id(), actor.id(), Map.of("slug", board.slug()));
  }

  private Board parentBoard(String parentSlug, Board self) {
    Board parent =
        boards.bySlug(parentSlug.trim()).orElseThrow(() -> ApiException.notFound("Parent board"));
    if (self != null && parent.id() == self.id()) {
      throw ApiException.invalid("parent", "self", "a board cannot be its own parent");
    }
    if (parent.parentId() != null) {
      throw ApiException.invalid(
          "parent", "depth", "is itself a sub-board; sub-boards cannot have children");
    }
    if (self != null && boards.hasChildren(self.id())) {
      throw ApiException.conflict("This board has sub-boards, so it cannot become a sub-board");
    }
    return parent;
  }

  private static void checkReadRuleWithinParent(Board board, Board parent) {
    if (parent != null
        && !Guardian.readRuleWithin(
            board.readAccess(), board.minReadTrust(), parent.readAccess(), parent.minReadTrust())) {
      throw ApiException.invalid(
          "readAccess", "parent", "must be at least as strict as the parent board's");
    }
  }

  private static int trustFor(Board.Access access, Integer requested) {
    return access == Board.Access.TRUST_LEVEL && requested != null ? requested : 0;
  }

  private static String checkSlug(String raw, List<FieldError> errors) {
    String slug = raw.trim();
    if (!SLUG.matcher(slug).matches()) {
      errors.add(
          FieldError.of(
              "slug",
              "pattern",
              "must be 3–50 characters of a-z, 0-9 and -, not starting or ending with -"));
    }
    return slug;
  }

  private static String checkName(String field, String raw, List<FieldError> errors) {
    String name = Texts.clean(raw);
    if (name.isEmpty() || Texts.hasForbiddenControlChars(name) || Texts.length(name) > MAX_NAME) {
      errors.add(
          FieldError.of(
              field,
              "invalid",
              "must be 1–" + MAX_NAME + " characters without control characters"));
    }
    return name;
  }

  private static String checkText(String field, String raw, List<FieldError> errors) {
    String text = raw == null ? "" : Texts.clean(raw);
    if (Texts.hasForbiddenControlChars(text)) {
      errors.add(FieldError.of(field, "invalid", "contains invalid characters"));
    }
    return text;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }
}
