package io.starbridge.group;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.MarkdownRenderer;
import io.starbridge.moderation.AuditLog;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates, edits and deletes groups. The creator becomes the owner. */
@Singleton
public class ManageGroups {
  private final Db db;
  private final GroupLookup groups;
  private final Members members;
  private final GroupQueries queries;
  private final MarkdownRenderer markdown;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  ManageGroups(
      Db db,
      GroupLookup groups,
      Members members,
      GroupQueries queries,
      MarkdownRenderer markdown,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit) {
    this.db = db;
    this.groups = groups;
    this.members = members;
    this.queries = queries;
    this.markdown = markdown;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public GroupView create(Actor actor, GroupRequests.Create req) {
    guardians.of(actor).ensureCanCreateGroup();
    List<FieldError> errors = new ArrayList<>();
    String slug = GroupRules.slug(req.slug(), errors);
    String name = GroupRules.name(req.name(), errors);
    String description = GroupRules.description(req.description(), errors);
    List<String> disciplines = GroupRules.disciplines(req.disciplines(), errors);
    List<String> fields = GroupRules.fields(req.fields(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (groups.bySlug(slug).isPresent()) {
      throw ApiException.conflict(
          "A group with this slug exists", FieldError.of("slug", "taken", "is taken"));
    }
    long id =
        db.insertReturningId(
            """
            insert into groups (slug, name, description, description_html, visibility, disciplines, fields, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id
            """,
            slug,
            name,
            description,
            markdown.cook(description).html(),
            req.visibility(),
            disciplines,
            fields,
            actor.id());
    members.insert(id, actor.id(), GroupMembership.Role.OWNER, GroupMembership.State.ACTIVE, null);
    outbox.publish(
        "GroupCreated",
        "group",
        id,
        actor.id(),
        Map.of("slug", slug, "visibility", req.visibility(), "ownerId", actor.id()));
    return queries.one(guardians.of(actor), slug);
  }

  @Transactional
  public GroupView update(Actor actor, String slug, GroupRequests.Update req) {
    Guardian guardian = guardians.of(actor);
    Group group = groups.requireBySlugForUpdate(slug);
    guardian.ensureCanEdit(group);
    boolean visibilityChanges =
        req.visibility() != null && !req.visibility().equals(group.visibility().wire());
    if (visibilityChanges) {
      guardian.ensureCanChangeVisibility(group);
    }
    List<FieldError> errors = new ArrayList<>();
    String name = req.name() == null ? null : GroupRules.name(req.name(), errors);
    String description =
        req.description() == null ? null : GroupRules.description(req.description(), errors);
    List<String> disciplines =
        req.disciplines() == null ? null : GroupRules.disciplines(req.disciplines(), errors);
    List<String> fields = req.fields() == null ? null : GroupRules.fields(req.fields(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    if (name != null && !name.equals(group.name())) {
      db.update("update groups set name = ? where id = ?", name, group.id());
      changes.put("name", name);
    }
    if (description != null) {
      db.update(
          "update groups set description = ?, description_html = ? where id = ?",
          description,
          markdown.cook(description).html(),
          group.id());
      changes.put("description", true);
    }
    if (disciplines != null && !disciplines.equals(group.disciplines())) {
      db.update("update groups set disciplines = ? where id = ?", disciplines, group.id());
      changes.put("disciplines", disciplines);
    }
    if (fields != null && !fields.equals(group.fields())) {
      db.update("update groups set fields = ? where id = ?", fields, group.id());
      changes.put("fields", fields);
    }
    if (visibilityChanges) {
      db.update("update groups set visibility = ? where id = ?", req.visibility(), group.id());
      changes.put("visibility", req.visibility());
    }
    if (!changes.isEmpty()) {
      db.update("update groups set updated_at = now() where id = ?", group.id());
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("changes", changes.keySet());
      payload.put("visibility", visibilityChanges ? req.visibility() : group.visibility().wire());
      payload.put("previousVisibility", group.visibility().wire());
      outbox.publish("GroupUpdated", "group", group.id(), actor.id(), payload);
      if (!guardian.isGroupOwner(group)) {
        audit.record(
            actor.id(),
            "edit_group",
            "group",
            group.id(),
            req.reason(),
            Map.of("visibility", group.visibility().wire(), "name", group.name()),
            changes,
            group.id());
      }
    }
    return queries.one(guardians.of(actor), slug);
  }

  /** Soft deletion: the group and its discussions leave every list and answer 404. */
  @Transactional
  public void delete(Actor actor, String slug) {
    Guardian guardian = guardians.of(actor);
    Group group = groups.requireBySlugForUpdate(slug);
    guardian.ensureCanDelete(group);
    db.update("update groups set deleted_at = now(), updated_at = now() where id = ?", group.id());
    if (!guardian.isGroupOwner(group)) {
      audit.record(
          actor.id(),
          "delete_group",
          "group",
          group.id(),
          null,
          Map.of("slug", group.slug(), "name", group.name()),
          null,
          group.id());
    }
    outbox.publish(
        "GroupDeleted",
        "group",
        group.id(),
        actor.id(),
        Map.of("slug", group.slug(), "visibility", group.visibility().wire()));
  }
}
