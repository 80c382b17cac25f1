-- People: profile fields, privacy settings, badges; follows, mutes, blocks, tag follows;
-- requests for verified badges.

alter table users
    add column bio            text,
    add column bio_html       text,
    add column disciplines    text[]  not null default '{}',
    add column fields         text[]  not null default '{}',
    add column affiliation    text,
    add column languages      text[]  not null default '{}',
    add column links          jsonb   not null default '[]'::jsonb,
    add column location       text,
    add column avatar_key     text,
    add column cover_key      text,
    -- Denormalised so that every user card (post authors, lists) needs no join.
    add column badges         text[]  not null default '{}',
    add column hide_followers boolean not null default false,
    add column hide_activity  boolean not null default false,
    add column mention_policy text    not null default 'everyone'
        check (mention_policy in ('everyone', 'following', 'nobody'));

create table user_follows (
    follower_id bigint      not null references users (id) on delete cascade,
    followee_id bigint      not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (follower_id, followee_id),
    check (follower_id <> followee_id)
);
-- Followers and followees of a user, newest first (the keysets of the two lists).
create index user_follows_followee_idx on user_follows (followee_id, created_at desc, follower_id desc);
create index user_follows_follower_idx on user_follows (follower_id, created_at desc, followee_id desc);

-- Mutes and blocks: both hide the target's topics from the user's lists and collapse their posts;
-- a block also keeps the target from replying to, mentioning and following the user and from
-- seeing the user's activity.
create table user_ignores (
    user_id    bigint      not null references users (id) on delete cascade,
    target_id  bigint      not null references users (id) on delete cascade,
    kind       text        not null check (kind in ('mute', 'block')),
    created_at timestamptz not null default now(),
    primary key (user_id, target_id, kind),
    check (user_id <> target_id)
);
create index user_ignores_list_idx on user_ignores (user_id, kind, created_at desc, target_id desc);
create index user_ignores_target_idx on user_ignores (target_id) where kind = 'block';

create table tag_follows (
    user_id    bigint      not null references users (id) on delete cascade,
    tag        text        not null,
    created_at timestamptz not null default now(),
    primary key (user_id, tag)
);
create index tag_follows_tag_idx on tag_follows (tag);

create table verification_requests (
    id            bigserial primary key,
    user_id       bigint      not null references users (id) on delete cascade,
    kind          text        not null check (kind in ('scientist', 'industry')),
    state         text        not null default 'pending' check (state in ('pending', 'approved', 'declined')),
    evidence      text        not null,
    links         text[]      not null default '{}',
    created_at    timestamptz not null default now(),
    decided_at    timestamptz,
    decided_by    bigint      references users (id) on delete set null,
    decision_note text
);
-- One pending request per person and kind.
create unique index verification_requests_pending_key on verification_requests (user_id, kind) where state = 'pending';
create index verification_requests_queue_idx on verification_requests (state, created_at, id);
create index verification_requests_user_idx on verification_requests (user_id, created_at desc, id desc);

-- "Last seen" on profiles: the newest use of any session of a user.
create index sessions_user_last_used_idx on sessions (user_id, last_used_at desc);
