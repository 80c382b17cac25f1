-- A work's discussion is hidden (reason 'work') while its work may not be read by the board's
-- readers: a translation linked after its discussion started waits for the original's permission.
alter table posts drop constraint posts_hidden_reason_check;
alter table posts add constraint posts_hidden_reason_check
    check (hidden_reason in ('reports', 'staff', 'approval', 'spam', 'work'));
alter table topics drop constraint topics_hidden_reason_check;
alter table topics add constraint topics_hidden_reason_check
    check (hidden_reason in ('reports', 'staff', 'approval', 'spam', 'work'));

-- Translations linked before this rule existed: hide the discussions of those still waiting for
-- (or refused) permission, as linking does now. The search index catches up on its next rebuild.
update posts p set hidden_at = now(), hidden_reason = 'work'
  from works w
 where w.topic_id = p.topic_id and p.post_number = 1 and p.hidden_at is null
   and w.translation_of is not null and w.translation_state <> 'granted' and w.deleted_at is null;
update topics t set hidden_at = now(), hidden_reason = 'work'
  from works w
 where w.topic_id = t.id and t.hidden_at is null
   and w.translation_of is not null and w.translation_state <> 'granted' and w.deleted_at is null;
