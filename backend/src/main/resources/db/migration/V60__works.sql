-- Creative works (issue 8): works, authors, chapters with revisions, series, translations,
-- kudos, bookmarks, subscriptions, reading positions and translation requests.

create table works (
  id bigserial primary key,
  title text not null,
  summary text not null default '',
  summary_html text not null default '',
  type text not null check (type in ('short_story', 'novelette', 'novella', 'novel', 'screenplay',
    'comic', 'illustration', 'game_design', 'world_bible', 'popsci_essay')),
  language text not null check (language in ('zh-Hans', 'zh-Hant', 'en', 'other')),
  genres text[] not null default '{}',
  tags text[] not null default '{}',
  all_tags text[] generated always as (genres || tags) stored,
  rating text not null check (rating in ('general', 'teen', 'mature', 'explicit')),
  warnings text[] not null default '{}',
  status text not null default 'in_progress' check (status in ('in_progress', 'complete')),
  visibility text not null default 'draft' check (visibility in ('public', 'signed_in', 'draft')),
  cover_key text,
  board_slug text,
  topic_id bigint references topics (id),
  -- a translation of another work: the original's authors grant or decline permission
  translation_of bigint references works (id),
  translation_state text check (translation_state in ('requested', 'granted', 'declined')),
  word_count int not null default 0,
  chapter_count int not null default 0,
  kudos_count int not null default 0,
  bookmark_count int not null default 0,
  hits bigint not null default 0,
  created_by bigint not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  -- the last time readers got something new (the work published, a chapter published): sort by date
  revised_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint works_translation_state check ((translation_of is null) = (translation_state is null))
);
create index works_revised_idx on works (revised_at desc, id desc) where deleted_at is null;
create index works_kudos_idx on works (kudos_count desc, id desc) where deleted_at is null;
create index works_bookmarks_idx on works (bookmark_count desc, id desc) where deleted_at is null;
create index works_hits_idx on works (hits desc, id desc) where deleted_at is null;
create index works_tags_idx on works using gin (all_tags);
create index works_translation_of_idx on works (translation_of) where translation_of is not null;

create table work_authors (
  work_id bigint not null references works (id) on delete cascade,
  user_id bigint not null references users (id),
  role text not null check (role in ('owner', 'coauthor')),
  state text not null check (state in ('active', 'invited')),
  position int not null default 0,
  invited_by bigint references users (id),
  created_at timestamptz not null default now(),
  primary key (work_id, user_id)
);
create index work_authors_user_idx on work_authors (user_id, work_id);

create table chapters (
  id bigserial primary key,
  work_id bigint not null references works (id) on delete cascade,
  position int not null,
  title text not null default '',
  body text not null,
  body_html text not null,
  notes_before text,
  notes_before_html text,
  notes_after text,
  notes_after_html text,
  cooked_version int not null,
  word_count int not null default 0,
  publish_at timestamptz,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index chapters_position_idx on chapters (work_id, position) where deleted_at is null;
create index chapters_scheduled_idx on chapters (publish_at) where published_at is null and deleted_at is null;

-- Every version of a chapter with its full text, kept for the copyright registry (issue 9).
create table chapter_revisions (
  id bigserial primary key,
  chapter_id bigint not null references chapters (id) on delete cascade,
  revision int not null,
  title text not null,
  body text not null,
  notes_before text,
  notes_after text,
  word_count int not null,
  editor_id bigint not null references users (id),
  created_at timestamptz not null default now(),
  unique (chapter_id, revision)
);

create table work_kudos (
  work_id bigint not null references works (id) on delete cascade,
  user_id bigint not null references users (id),
  created_at timestamptz not null default now(),
  primary key (work_id, user_id)
);

create table work_bookmarks (
  work_id bigint not null references works (id) on delete cascade,
  user_id bigint not null references users (id),
  note text not null default '',
  tags text[] not null default '{}',
  private boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (work_id, user_id)
);
create index work_bookmarks_user_idx on work_bookmarks (user_id, created_at desc);

create table work_subscriptions (
  work_id bigint not null references works (id) on delete cascade,
  user_id bigint not null references users (id),
  created_at timestamptz not null default now(),
  primary key (work_id, user_id)
);

create table reading_positions (
  user_id bigint not null references users (id),
  work_id bigint not null references works (id) on delete cascade,
  chapter int not null,
  progress real not null default 0,
  updated_at timestamptz not null default now(),
  primary key (user_id, work_id)
);

create table series (
  id bigserial primary key,
  title text not null,
  summary text not null default '',
  summary_html text not null default '',
  created_by bigint not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table series_works (
  series_id bigint not null references series (id) on delete cascade,
  work_id bigint not null references works (id) on delete cascade,
  position int not null,
  primary key (series_id, work_id)
);
create index series_works_work_idx on series_works (work_id);

create table series_subscriptions (
  series_id bigint not null references series (id) on delete cascade,
  user_id bigint not null references users (id),
  created_at timestamptz not null default now(),
  primary key (series_id, user_id)
);

create table translation_requests (
  id bigserial primary key,
  work_id bigint not null references works (id) on delete cascade,
  language text not null check (language in ('zh-Hans', 'zh-Hant', 'en', 'other')),
  note text not null default '',
  requester_id bigint not null references users (id),
  fulfilled_by bigint references works (id),
  created_at timestamptz not null default now()
);
create unique index translation_requests_open_idx on translation_requests (work_id, language, requester_id) where fulfilled_by is null;
create index translation_requests_list_idx on translation_requests (created_at desc, id desc) where fulfilled_by is null;

-- Chapter comments are posts in the work's discussion topic, linked to their chapter.
create table chapter_comments (
  chapter_id bigint not null references chapters (id) on delete cascade,
  post_id bigint not null references posts (id),
  primary key (chapter_id, post_id)
);
create index chapter_comments_post_idx on chapter_comments (post_id);
