-- The transactional outbox: every write others react to inserts a row here in its transaction.
create table outbox (
    id           bigserial primary key,
    event_type   text        not null,
    aggregate    text        not null,
    aggregate_id bigint      not null,
    actor_id     bigint,
    payload      jsonb       not null default '{}'::jsonb,
    created_at   timestamptz not null default now()
);
create index outbox_aggregate_idx on outbox (aggregate, aggregate_id);

-- Every staff action, written in the same transaction as the action.
create table audit_log (
    id          bigserial primary key,
    actor_id    bigint references users (id) on delete set null,
    action      text        not null,
    target_type text        not null,
    target_id   bigint,
    reason      text,
    before      jsonb,
    after       jsonb,
    scope_group bigint,
    created_at  timestamptz not null default now()
);
create index audit_log_created_idx on audit_log (created_at desc, id desc);
create index audit_log_target_idx on audit_log (target_type, target_id);
