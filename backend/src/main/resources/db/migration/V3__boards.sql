-- Topical boards; the forum core fills in their topics and settings.
create table boards (
    id             bigserial primary key,
    slug           text        not null unique,
    name_zh        text        not null,
    name_en        text        not null,
    description_zh text        not null default '',
    description_en text        not null default '',
    position       int         not null default 0,
    parent_id      bigint references boards (id) on delete restrict,
    color          text        not null default '#3b6ea8',
    read_access    text        not null default 'everyone',
    min_read_trust smallint    not null default 0,
    post_access    text        not null default 'signed_in',
    min_post_trust smallint    not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

insert into boards (slug, name_zh, name_en, description_zh, description_en, position, color) values
  ('writing', '创作与世界观', 'Writing & Worldbuilding',
   '小说、剧本与世界观设定的创作与讨论。', 'Crafting stories, scripts and worlds.', 1, '#7b5ea7'),
  ('science', '科学前沿', 'Science for Fiction',
   '科学家与工程师为科幻创作提供前沿知识与建议。', 'Scientists and engineers on the science behind the fiction.', 2, '#2f7d6d'),
  ('screen-games-animation', '影视·游戏·动漫', 'Screen, Games & Animation',
   '影视、游戏与动画中的科幻：改编、制作与评论。', 'Sci-fi in film, TV, games and animation.', 3, '#b5562b'),
  ('ip-rights', 'IP 与版权', 'IP & Rights',
   '版权登记、授权与改编合作。', 'Copyright, licensing and adaptation deals.', 4, '#8a6d1f'),
  ('events', '活动与赛事', 'Events & Contests',
   '征文、比赛、展会与线下活动。', 'Contests, conventions and meet-ups.', 5, '#b03a5b'),
  ('meta', '站务', 'Site Feedback',
   '关于星桥本身的建议、问题与公告。', 'Suggestions, bugs and news about Starbridge.', 6, '#5b6770');
