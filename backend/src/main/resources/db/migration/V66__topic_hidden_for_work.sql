-- A work's discussion is hidden (reason 'work') while its work may not be read by the board's
-- readers: a translation linked after its discussion started waits for the original's permission.
alter table posts drop constraint posts_hidden_reason_check;
alter table posts add constraint posts_hidden_reason_check
    check (hidden_reason in ('reports', 'staff', 'approval', 'spam', 'work'));
alter table topics drop constraint topics_hidden_reason_check;
alter table topics add constraint topics_hidden_reason_check
    check (hidden_reason in ('reports', 'staff', 'approval', 'spam', 'work'));
