-- A topic may say "normal" explicitly, overriding a watched, tracked or muted board or group.
alter table watches drop constraint watches_level_check;
alter table watches add constraint watches_level_check
    check (level in ('watching', 'tracking', 'normal', 'muted'));
