-- Adaptation inquiries (issue 9, IP catalogue): a verified industry professional asks a work's
-- authors about one right (medium, translation: per language). A private thread: the inquirer,
-- the work's active authors and admins read it.
create table inquiries (
  id           bigserial primary key,
  work_id      bigint not null references works (id) on delete cascade,
  inquirer_id  bigint not null references users (id),
  medium       text not null check (medium in ('film_tv', 'animation', 'games', 'comics',
                 'audio_drama', 'stage', 'translation', 'merchandise')),
  language     text not null default '',
  territory    text not null check (length(territory) between 1 and 200),
  term         text not null check (length(term) between 1 and 200),
  state        text not null default 'sent'
                 check (state in ('sent', 'in_discussion', 'declined', 'agreed', 'withdrawn')),
  -- What an agreement made of the right: under_option or licensed (agreed only).
  right_status text check (right_status in ('under_option', 'licensed')),
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  constraint inquiries_language check ((medium = 'translation') = (language <> '')),
  constraint inquiries_right_status check ((state = 'agreed') = (right_status is not null))
);
-- One open inquiry per inquirer, work and right.
create unique index inquiries_open_idx on inquiries (inquirer_id, work_id, medium, language)
  where state in ('sent', 'in_discussion');
-- GET /me/inquiries: sent (by inquirer) and received (by the work, joined with work_authors).
create index inquiries_inquirer_idx on inquiries (inquirer_id, updated_at desc, id desc);
create index inquiries_work_idx on inquiries (work_id, updated_at desc, id desc);

-- The thread: Markdown in, sanitized HTML out (cooked once at write time).
create table inquiry_messages (
  id             bigserial primary key,
  inquiry_id     bigint not null references inquiries (id) on delete cascade,
  author_id      bigint not null references users (id),
  body           text not null,
  body_html      text not null,
  cooked_version int not null,
  created_at     timestamptz not null default now()
);
create index inquiry_messages_inquiry_idx on inquiry_messages (inquiry_id, id);

-- State changes as the thread shows them ("Ada moved this to in discussion"); the audit log holds
-- the same change for staff.
create table inquiry_events (
  id           bigserial primary key,
  inquiry_id   bigint not null references inquiries (id) on delete cascade,
  actor_id     bigint not null references users (id),
  from_state   text not null,
  to_state     text not null,
  right_status text,
  created_at   timestamptz not null default now()
);
create index inquiry_events_inquiry_idx on inquiry_events (inquiry_id, id);
