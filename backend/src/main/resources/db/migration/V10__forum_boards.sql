-- Boards become manageable: access rules are checked, counters live on the row (updated in the
-- same transaction as topic and post writes, so lists never count rows), and members follow boards.

alter table boards
    add column approval_required boolean     not null default false,
    add column topic_count       int         not null default 0,
    add column post_count        int         not null default 0,
    add column last_activity_at  timestamptz,
    add constraint boards_slug_check check (slug ~ '^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$'),
    add constraint boards_color_check check (color ~ '^#[0-9a-f]{6}$'),
    add constraint boards_read_access_check check (read_access in ('everyone', 'signed_in', 'trust_level', 'staff')),
    add constraint boards_post_access_check check (post_access in ('signed_in', 'trust_level', 'staff')),
    add constraint boards_min_read_trust_check check (min_read_trust between 0 and 4),
    add constraint boards_min_post_trust_check check (min_post_trust between 0 and 4),
    add constraint boards_not_own_parent check (parent_id is null or parent_id <> id);

create index boards_parent_idx on boards (parent_id) where parent_id is not null;

create table board_follows (
    user_id    bigint      not null references users (id) on delete cascade,
    board_id   bigint      not null references boards (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (user_id, board_id)
);
create index board_follows_board_idx on board_follows (board_id);
