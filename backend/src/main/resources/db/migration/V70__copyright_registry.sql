-- Copyright registry: an append-only, hash-chained, Ed25519-signed list of registrations.
-- work_id / chapter_id are plain bigints without foreign keys, on purpose: an entry is evidence
-- and must outlive the deletion of its work or chapter.

-- Every public key that ever signed an entry; the current one has retired_at null.
create table registry_keys (
    key_id         text primary key,
    public_key_pem text        not null,
    created_at     timestamptz not null default now(),
    retired_at     timestamptz
);

create table registry_entries (
    seq             bigint primary key check (seq > 0),   -- chain position, gapless from 1
    kind            text        not null check (kind in ('publication', 'revision', 'draft')),
    work_id         bigint,
    chapter_id      bigint,
    chapter_number  integer,
    version         integer,
    author_ids      bigint[]    not null,
    registered_at   timestamptz not null,
    content_hash    text        not null check (content_hash ~ '^[0-9a-f]{64}$'),
    paragraph_count integer     not null,
    paragraphs_digest text      not null check (paragraphs_digest ~ '^[0-9a-f]{64}$'),
    previous_hash   text        not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    entry_hash      text        not null unique check (entry_hash ~ '^[0-9a-f]{64}$'),
    key_id          text        not null references registry_keys (key_id),
    signature       text        not null,                 -- base64 Ed25519 signature
    registered_by   bigint                                -- who asked (not signed; null for system)
);
create index registry_entries_content_idx on registry_entries (content_hash);
create index registry_entries_work_idx on registry_entries (work_id, seq) where work_id is not null;
create index registry_entries_authors_idx on registry_entries using gin (author_ids);

-- Hashes of an entry's paragraphs (>= 12 characters), so a pasted paragraph can be verified.
create table registry_paragraphs (
    entry_seq      bigint  not null references registry_entries (seq),
    position       integer not null,
    paragraph_hash text    not null,
    primary key (entry_seq, position)
);
create index registry_paragraphs_hash_idx on registry_paragraphs (paragraph_hash);

-- Each closed UTC day's chain head, published once the day is over so outsiders can keep copies.
create table registry_days (
    day           date primary key,
    head_seq      bigint      not null,
    entry_hash    text        not null,
    head_at       timestamptz not null,
    entries       integer     not null,   -- entries registered that day
    published_at  timestamptz not null default now()
);
