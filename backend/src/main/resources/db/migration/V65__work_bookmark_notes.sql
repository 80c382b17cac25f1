-- Bookmarks on works keep their note cooked (Markdown, sanitised like posts) next to the raw text,
-- and public bookmarks are listed on the work, newest first.
alter table work_bookmarks add column note_html text not null default '';
create index work_bookmarks_public_idx on work_bookmarks (work_id, created_at desc) where not private;
create index work_bookmarks_tags_idx on work_bookmarks using gin (tags);
