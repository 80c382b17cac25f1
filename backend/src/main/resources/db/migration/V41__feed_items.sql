-- Group announcements: a group topic its staff marked as an announcement reaches every member's
-- home feed (at the time it was announced), besides the topic's own followers.
alter table topics
    add column announced_at timestamptz,
    add column announced_by bigint references users (id);
create index topics_announced_idx on topics (group_id, announced_at desc)
    where announced_at is not null and deleted_at is null;

-- Home feeds read replies in watched topics newest first.
create index posts_topic_created_idx on posts (topic_id, created_at desc) where deleted_at is null;
create index watches_user_level_idx on watches (user_id, level, target_type);
