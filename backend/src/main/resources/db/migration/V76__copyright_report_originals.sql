-- Copyright reports name the claimed original on this site (issue 9): a work or a registry entry,
-- besides or instead of an outside URL. Plain bigints: a report outlives the work it names.
alter table reports
  add column original_work_id bigint,
  add column original_entry_seq bigint references registry_entries (seq);
