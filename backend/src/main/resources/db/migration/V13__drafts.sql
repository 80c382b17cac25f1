-- Server-side composer drafts, one per user and context (new-topic:{board}, reply:{topic}, ...).
create table drafts (
    user_id     bigint      not null references users (id) on delete cascade,
    key         text        not null,
    body        text        not null default '',
    title       text,
    tags        text[]      not null default '{}',
    reply_to    bigint,
    updated_at  timestamptz not null default now(),
    primary key (user_id, key)
);
create index drafts_user_updated_idx on drafts (user_id, updated_at desc, key);
