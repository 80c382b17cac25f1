-- Adaptation rights per work (issue 9, IP catalogue): per medium (translation per language).
create table work_rights (
  work_id bigint not null references works (id) on delete cascade,
  medium text not null check (medium in ('film_tv', 'animation', 'games', 'comics', 'audio_drama',
    'stage', 'translation', 'merchandise')),
  language text not null default '',
  status text not null check (status in ('available', 'under_option', 'licensed', 'not_available')),
  terms text not null default '' check (length(terms) <= 2000),
  contact text not null default 'platform' check (contact in ('platform', 'email', 'agent')),
  updated_at timestamptz not null default now(),
  primary key (work_id, medium, language),
  constraint work_rights_language check ((medium = 'translation') = (language <> ''))
);
create index work_rights_available_idx on work_rights (medium, work_id) where status = 'available';
