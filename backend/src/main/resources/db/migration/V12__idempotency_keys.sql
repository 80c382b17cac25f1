-- Idempotency-Key: the first response to a creating request, replayed for the same key and user
-- within 24 hours instead of creating twice.
create table idempotency_keys (
    user_id      bigint      not null references users (id) on delete cascade,
    key          text        not null,
    scope        text        not null,
    request_hash bytea       not null,
    status       int,
    response     jsonb,
    created_at   timestamptz not null default now(),
    primary key (user_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
