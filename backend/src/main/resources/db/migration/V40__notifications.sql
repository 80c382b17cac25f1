-- Where each outbox consumer stands: every outbox id <= position has been applied (or was a gap
-- that can no longer fill). The row is locked while a batch is applied, so one node applies at a time.
create table event_consumers (
    name       text primary key,
    position   bigint      not null default 0,
    updated_at timestamptz not null default now()
);

-- Every change to a notification takes the next number: the SSE event id (Last-Event-ID replay).
create sequence notification_seq;

-- Notifications, de-duplicated per recipient and subject (e.g. post:12, reactions:post:12).
create table notifications (
    id          bigserial primary key,
    user_id     bigint      not null references users (id) on delete cascade,
    kind        text        not null,
    subject     text        not null,
    actor_ids   bigint[]    not null default '{}',
    actor_count int         not null default 1,
    topic_id    bigint,
    post_id     bigint,
    group_id    bigint,
    data        jsonb       not null default '{}'::jsonb,
    seq         bigint      not null default nextval('notification_seq'),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    read_at     timestamptz,
    emailed_at  timestamptz,
    unique (user_id, subject)
);
create index notifications_user_updated_idx on notifications (user_id, updated_at desc, id desc);
create index notifications_user_seq_idx on notifications (user_id, seq);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
create index notifications_email_idx on notifications (updated_at) where read_at is null and emailed_at is null;

-- Per-kind preferences; a missing row means the kind's default.
create table notification_preferences (
    user_id bigint  not null references users (id) on delete cascade,
    kind    text    not null,
    in_app  boolean not null,
    email   boolean not null,
    primary key (user_id, kind)
);

-- Watch levels: watching / tracking / normal (no row) / muted, per topic, board or group.
create table watches (
    user_id     bigint      not null references users (id) on delete cascade,
    target_type text        not null check (target_type in ('topic', 'board', 'group')),
    target_id   bigint      not null,
    level       text        not null check (level in ('watching', 'tracking', 'muted')),
    created_at  timestamptz not null default now(),
    primary key (user_id, target_type, target_id)
);
create index watches_target_idx on watches (target_type, target_id, level);
