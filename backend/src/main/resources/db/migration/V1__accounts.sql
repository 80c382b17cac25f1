-- Accounts, sessions and the tokens that authenticate them.

create table users (
    id                bigserial primary key,
    handle            text        not null,
    email             text,
    email_verified_at timestamptz,
    password_hash     text,
    display_name      text        not null,
    locale            text        not null default 'zh-CN',
    role              text        not null default 'member' check (role in ('member', 'moderator', 'admin')),
    status            text        not null default 'active' check (status in ('active', 'silenced', 'suspended', 'deleted')),
    status_until      timestamptz,
    status_reason     text,
    trust_level       smallint    not null default 0 check (trust_level between 0 and 4),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    deleted_at        timestamptz
);
-- Handles are stored lower-case; uniqueness is case-insensitive by construction.
create unique index users_handle_key on users (lower(handle));
create unique index users_email_key on users (lower(email)) where email is not null;

-- A session is one sign-in (one "family" of rotated tokens).
create table sessions (
    id           bigserial primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz not null default now(),
    revoked_at   timestamptz,
    user_agent   text,
    ip           text
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

-- Access and refresh tokens, stored as SHA-256 hashes only.
create table session_tokens (
    id         bigserial primary key,
    session_id bigint      not null references sessions (id) on delete cascade,
    kind       text        not null check (kind in ('access', 'refresh')),
    token_hash bytea       not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index session_tokens_session_idx on session_tokens (session_id);
create index session_tokens_expiry_idx on session_tokens (expires_at);

-- Email verification and password reset links: single use, expiring, hashed.
create table one_time_tokens (
    id         bigserial primary key,
    user_id    bigint      not null references users (id) on delete cascade,
    purpose    text        not null check (purpose in ('verify_email', 'password_reset')),
    token_hash bytea       not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index one_time_tokens_user_idx on one_time_tokens (user_id, purpose);

-- Personal access tokens for API clients (Authorization: Bearer), shown once, stored hashed.
create table personal_tokens (
    id           bigserial primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null unique,
    token_prefix text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
create index personal_tokens_user_idx on personal_tokens (user_id) where revoked_at is null;
