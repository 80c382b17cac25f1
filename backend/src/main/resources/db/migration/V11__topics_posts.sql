-- Topics, their posts, revisions, reactions, bookmarks and read positions.

create table topics (
    id                  bigserial primary key,
    board_id            bigint      not null references boards (id) on delete restrict,
    author_id           bigint      not null references users (id),
    title               text        not null,
    slug                text        not null,
    tags                text[]      not null default '{}',
    -- The first post's plain text, shortened: lists show it without touching posts.
    excerpt             text        not null default '',
    pinned              text        not null default 'none' check (pinned in ('none', 'board', 'global')),
    pinned_at           timestamptz,
    locked              boolean     not null default false,
    closed              boolean     not null default false,
    -- Counters kept by the writes themselves (no COUNT(*) per request).
    reply_count         int         not null default 0,
    like_count          int         not null default 0,
    view_count          bigint      not null default 0,
    highest_post_number int         not null default 0,
    last_posted_at      timestamptz not null default now(),
    last_poster_id      bigint references users (id),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz,
    deleted_by          bigint references users (id)
);
-- Keyset indexes of the topic lists (latest, new, top), per board and site-wide. Deleted topics
-- never appear in lists, so the indexes leave them out.
create index topics_board_latest_idx on topics (board_id, last_posted_at desc, id desc) where deleted_at is null;
create index topics_board_new_idx on topics (board_id, created_at desc, id desc) where deleted_at is null;
create index topics_board_top_idx on topics (board_id, (like_count + reply_count) desc, id desc) where deleted_at is null;
create index topics_latest_idx on topics (last_posted_at desc, id desc) where deleted_at is null;
create index topics_new_idx on topics (created_at desc, id desc) where deleted_at is null;
create index topics_top_idx on topics ((like_count + reply_count) desc, id desc) where deleted_at is null;
create index topics_tags_idx on topics using gin (tags) where deleted_at is null;
create index topics_pinned_idx on topics (board_id, pinned) where pinned <> 'none' and deleted_at is null;
create index topics_author_idx on topics (author_id, created_at desc);

create table posts (
    id               bigserial primary key,
    topic_id         bigint      not null references topics (id) on delete cascade,
    post_number      int         not null,
    author_id        bigint      not null references users (id),
    -- Always stored, so a threaded view can be built whatever the default view is.
    reply_to_post_id bigint references posts (id),
    raw              text        not null,
    cooked           text        not null,
    plain_text       text        not null,
    cooked_version   int         not null,
    -- {"like": 3, "heart": 1}: kept by the reaction writes.
    reaction_counts  jsonb       not null default '{}'::jsonb,
    revision_count   int         not null default 0,
    created_at       timestamptz not null default now(),
    edited_at        timestamptz,
    deleted_at       timestamptz,
    deleted_by       bigint references users (id),
    unique (topic_id, post_number)
);
create index posts_author_idx on posts (author_id, created_at desc);
create index posts_reply_to_idx on posts (reply_to_post_id) where reply_to_post_id is not null;

-- The text a post had before each edit, with who edited it and when.
create table post_revisions (
    id             bigserial primary key,
    post_id        bigint      not null references posts (id) on delete cascade,
    number         int         not null,
    raw            text        not null,
    cooked         text        not null,
    cooked_version int         not null,
    editor_id      bigint      not null references users (id),
    reason         text,
    created_at     timestamptz not null default now(),
    unique (post_id, number)
);

create table post_reactions (
    post_id    bigint      not null references posts (id) on delete cascade,
    user_id    bigint      not null references users (id) on delete cascade,
    kind       text        not null check (kind in ('like', 'thumbs_up', 'heart', 'laugh', 'thinking', 'rocket', 'eyes')),
    created_at timestamptz not null default now(),
    primary key (post_id, user_id, kind)
);
create index post_reactions_kind_idx on post_reactions (post_id, kind, created_at);

create table bookmarks (
    user_id    bigint      not null references users (id) on delete cascade,
    post_id    bigint      not null references posts (id) on delete cascade,
    note       text,
    created_at timestamptz not null default now(),
    primary key (user_id, post_id)
);
create index bookmarks_user_idx on bookmarks (user_id, created_at desc, post_id desc);

-- The highest post number each user has read in each topic; drives unread counts.
create table topic_reads (
    user_id               bigint      not null references users (id) on delete cascade,
    topic_id              bigint      not null references topics (id) on delete cascade,
    last_read_post_number int         not null,
    updated_at            timestamptz not null default now(),
    primary key (user_id, topic_id)
);
create index topic_reads_topic_idx on topic_reads (topic_id);
