import * as Menu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { SelectField } from '@/components/Field';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Board, Topic } from '@/types/api';
import { useModerateTopic, type ModerateTopicRequest } from '../api/updateTopic';

/**
 * Pin, lock, close, move and (group topics) announce: shown only when the server says the caller may moderate the topic
 * (the route passes the boards a topic can move to).
 */
export function ModeratorMenu({ topic, boards }: { topic: Topic; boards: readonly Board[] }) {
  const { t, locale } = useI18n();
  const errors = useErrorText();
  const moderate = useModerateTopic(topic.id);
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState('');
  if (!topic.permissions.canModerate) return null;

  const act = (change: ModerateTopicRequest) => moderate.mutate(change);
  // Group topics stay in their group.
  const choices = topic.board ? boards.filter((b) => b.slug !== topic.board?.slug) : [];

  return (
    <>
      <Menu.Root>
        <Menu.Trigger asChild>
          <Button size="sm" variant="secondary" busy={moderate.isPending}>
            <span aria-hidden="true">⚙ </span>
            {t('mod.menu')}
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={6}>
            <Menu.Label className="menu__label">{t('mod.menuTitle')}</Menu.Label>
            {topic.pinned !== 'board' && (
              <Menu.Item className="menu__item" onSelect={() => act({ pinned: 'board' })}>
                {t('mod.pinBoard')}
              </Menu.Item>
            )}
            {topic.pinned !== 'global' && (
              <Menu.Item className="menu__item" onSelect={() => act({ pinned: 'global' })}>
                {t('mod.pinGlobal')}
              </Menu.Item>
            )}
            {topic.pinned !== 'none' && (
              <Menu.Item className="menu__item" onSelect={() => act({ pinned: 'none' })}>
                {t('mod.unpin')}
              </Menu.Item>
            )}
            <Menu.Separator className="menu__separator" />
            <Menu.Item className="menu__item" onSelect={() => act({ locked: !topic.locked })}>
              {topic.locked ? t('mod.unlock') : t('mod.lock')}
            </Menu.Item>
            <Menu.Item className="menu__item" onSelect={() => act({ closed: !topic.closed })}>
              {topic.closed ? t('mod.reopen') : t('mod.close')}
            </Menu.Item>
            {topic.permissions.canAnnounce && (
              <Menu.Item className="menu__item" onSelect={() => act({ announcement: !topic.announced })}>
                {topic.announced ? t('mod.unannounce') : t('mod.announce')}
              </Menu.Item>
            )}
            {choices.length > 0 && (
              <Menu.Item
                className="menu__item"
                onSelect={() => {
                  setTarget(choices[0]?.slug ?? '');
                  setMoving(true);
                }}
              >
                {t('mod.move')}
              </Menu.Item>
            )}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {moderate.isError && !moving && (
        <p className="field__error mod-error" role="alert">
          {errors.problem(moderate.error)}
        </p>
      )}
      <Dialog
        open={moving}
        onOpenChange={(open) => {
          setMoving(open);
          if (!open) moderate.reset();
        }}
        title={t('mod.moveTitle')}
        description={t('mod.moveBody', { title: topic.title })}
        actions={
          <Button
            variant="primary"
            busy={moderate.isPending}
            onClick={() => moderate.mutate({ board: target }, { onSuccess: () => setMoving(false) })}
          >
            {t('mod.moveSubmit')}
          </Button>
        }
      >
        <SelectField label={t('mod.moveTo')} value={target} onChange={(e) => setTarget(e.target.value)}>
          {choices.map((b) => (
            <option key={b.slug} value={b.slug}>
              {locale === 'zh-CN' ? b.nameZh : b.nameEn}
            </option>
          ))}
        </SelectField>
        {moderate.isError && <p className="field__error">{errors.problem(moderate.error)}</p>}
      </Dialog>
    </>
  );
}
