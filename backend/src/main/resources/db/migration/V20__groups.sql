-- Cross-discipline groups: the group row with its counters (kept by the writes, like boards'),
-- memberships with role and state, follows, and group discussions: a topic lives in exactly one
-- board or one group.

-- The people feature adds these in its own migration; whichever lands first creates them.
alter table users add column if not exists disciplines text[] not null default '{}';
alter table users add column if not exists fields text[] not null default '{}';

create table groups (
    id               bigserial primary key,
    slug             text        not null check (slug ~ '^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$'),
    name             text        not null,
    description      text        not null default '',
    description_html text        not null default '',
    visibility       text        not null check (visibility in ('public', 'restricted', 'secret')),
    disciplines      text[]      not null default '{}',
    fields           text[]      not null default '{}',
    avatar_key       text,
    -- Counters kept by membership, topic and post writes in their transactions.
    member_count     int         not null default 0,
    topic_count      int         not null default 0,
    post_count       int         not null default 0,
    last_activity_at timestamptz not null default now(),
    created_by       bigint      not null references users (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    deleted_at       timestamptz
);
-- A deleted group frees its slug.
create unique index groups_slug_key on groups (slug) where deleted_at is null;
-- Directory sorts (keyset, newest/largest first).
create index groups_activity_idx on groups (last_activity_at desc, id desc) where deleted_at is null;
create index groups_members_idx on groups (member_count desc, id desc) where deleted_at is null;
create index groups_new_idx on groups (created_at desc, id desc) where deleted_at is null;
create index groups_disciplines_idx on groups using gin (disciplines) where deleted_at is null;
create index groups_fields_idx on groups using gin (fields) where deleted_at is null;

create table group_members (
    group_id   bigint      not null references groups (id) on delete cascade,
    user_id    bigint      not null references users (id) on delete cascade,
    role       text        not null default 'member' check (role in ('owner', 'moderator', 'member')),
    state      text        not null check (state in ('active', 'pending', 'invited', 'banned')),
    invited_by bigint references users (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (group_id, user_id)
);
-- The Guardian loads a caller's memberships by user; lists page members by state.
create index group_members_user_idx on group_members (user_id, state);
create index group_members_list_idx on group_members (group_id, state, updated_at desc, user_id desc);
-- One owner per group.
create unique index group_members_owner_key on group_members (group_id) where role = 'owner';

create table group_follows (
    user_id    bigint      not null references users (id) on delete cascade,
    group_id   bigint      not null references groups (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (user_id, group_id)
);
create index group_follows_group_idx on group_follows (group_id);

alter table topics
    alter column board_id drop not null,
    add column group_id bigint references groups (id) on delete restrict,
    add constraint topics_one_place check (num_nonnulls(board_id, group_id) = 1);

-- Group topic lists, like the board ones.
create index topics_group_latest_idx on topics (group_id, last_posted_at desc, id desc) where deleted_at is null and group_id is not null;
create index topics_group_new_idx on topics (group_id, created_at desc, id desc) where deleted_at is null and group_id is not null;
create index topics_group_top_idx on topics (group_id, (like_count + reply_count) desc, id desc) where deleted_at is null and group_id is not null;
create index topics_group_pinned_idx on topics (group_id, pinned) where pinned <> 'none' and deleted_at is null and group_id is not null;
