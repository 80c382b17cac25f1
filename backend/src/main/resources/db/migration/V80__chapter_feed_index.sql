-- Home feeds and their rebuilds read published chapters newest first (feed/HomeFeed FEED_SQL).
create index chapters_published_idx on chapters (published_at desc, id desc)
  where published_at is not null and deleted_at is null;
