-- The search indexer tails the outbox in commit-safe order. Ids come from a sequence, so a row with
-- a lower id can commit after one with a higher id; a consumer that only remembered "the last id"
-- would skip it. Each row now records its transaction id: every row whose transaction is older
-- than the oldest transaction still running (pg_snapshot_xmin) is final (committed or never will
-- be), so a consumer reads rows in (xid, id) order up to that horizon and never skips one.
alter table outbox add column xid xid8 not null default pg_current_xact_id();
create index outbox_xid_idx on outbox (xid, id);
