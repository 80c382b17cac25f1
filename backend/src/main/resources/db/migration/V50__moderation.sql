-- Moderation: hidden content, reports, site settings, activity for trust levels.

-- Hidden pending review (reports) or awaiting approval (held posts): unlike deletion, hiding is
-- undone by a moderator's review. Hiding a topic's first post hides the topic.
alter table posts
    add column hidden_at     timestamptz,
    add column hidden_reason text check (hidden_reason in ('reports', 'staff', 'approval', 'spam'));
alter table topics
    add column hidden_at     timestamptz,
    add column hidden_reason text check (hidden_reason in ('reports', 'staff', 'approval', 'spam'));
create index posts_hidden_idx on posts (hidden_at) where hidden_at is not null;

-- One row per reporter and target; open reports of one target form one queue item.
create table reports (
    id           bigserial primary key,
    target_type  text        not null,
    target_id    bigint      not null,
    -- 'report': a member's report; 'approval': a post held for approval (reporter = its author).
    kind         text        not null default 'report' check (kind in ('report', 'approval')),
    reporter_id  bigint      not null references users (id) on delete cascade,
    reason       text        not null check (reason in ('spam', 'harassment', 'off_topic', 'inappropriate', 'copyright', 'other')),
    note         text,
    original_url text,
    score        int         not null,
    -- The group whose moderators handle it (group content and groups), null for the site's staff.
    scope_group  bigint,
    author_id    bigint references users (id) on delete set null,
    state        text        not null default 'open' check (state in ('open', 'agreed', 'disagreed')),
    resolution   text,
    resolved_by  bigint references users (id) on delete set null,
    resolved_at  timestamptz,
    created_at   timestamptz not null default now()
);
create unique index reports_one_open_idx on reports (reporter_id, target_type, target_id) where state = 'open';
create index reports_open_idx on reports (target_type, target_id) where state = 'open';
create index reports_reporter_idx on reports (reporter_id, state);
create index reports_author_idx on reports (author_id, created_at desc);

-- Site settings changed by admins; absent keys take the documented defaults.
create table site_settings (
    key        text primary key,
    value      jsonb       not null,
    updated_by bigint references users (id) on delete set null,
    updated_at timestamptz not null default now()
);

-- Days a member was active (one row per day): the trust level job counts them.
create table user_visits (
    user_id bigint not null references users (id) on delete cascade,
    day     date   not null,
    primary key (user_id, day)
);

-- Staff notes to a member: warnings (the user sees them), with the staff member who wrote them.
create table user_warnings (
    id         bigserial primary key,
    user_id    bigint      not null references users (id) on delete cascade,
    by_id      bigint references users (id) on delete set null,
    reason     text        not null,
    created_at timestamptz not null default now()
);
create index user_warnings_user_idx on user_warnings (user_id, created_at desc);
create index audit_log_scope_idx on audit_log (scope_group, created_at desc) where scope_group is not null;
create index audit_log_actor_idx on audit_log (actor_id, created_at desc);
