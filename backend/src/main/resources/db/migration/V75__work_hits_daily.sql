-- Hits per work per UTC day (issue 9, author dashboard): works.hits stays the total; this table
-- is fed in the same transaction and gives the last days' reading curve.
create table work_hits_daily (
  work_id bigint not null references works (id) on delete cascade,
  day date not null,
  hits integer not null default 0,
  primary key (work_id, day)
);
