import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, ButtonLink } from '@/components/Button';
import { CookedContent } from '@/components/CookedContent';
import { ReportDialog } from '@/components/ReportDialog';
import { ErrorState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { API_BASE } from '@/lib/api/client';
import type { Chapter, WorkFull } from '../api/types';
import {
  savePosition,
  useAcceptInvitation,
  useChapter,
  useChapterSlices,
  useToggle,
  useWork,
} from '../api/works';
import {
  clampFont,
  loadGuestPosition,
  loadPrefs,
  saveGuestPosition,
  savePrefs,
  type ReaderPrefs,
} from '../readerPrefs';
import { BookmarkButton, WorkBookmarkList } from './Bookmarks';
import { RightsTable } from './Rights';
import { SeriesNav } from './Series';
import { RequestTranslation } from './TranslationRequests';
import { TranslationList, TranslationOf } from './Translations';
import { Authors } from './WorkCard';
import { WorkTags } from './WorkTags';
import '../works.css';

export function ReaderControls({
  prefs,
  onChange,
}: {
  prefs: ReaderPrefs;
  onChange: (p: ReaderPrefs) => void;
}) {
  const { t } = useI18n();
  const set = (change: Partial<ReaderPrefs>) => onChange({ ...prefs, ...change });
  return (
    <div className="reader-controls" role="group" aria-label={t('works.reader.settings')}>
      <Button
        size="sm"
        onClick={() => set({ fontSize: clampFont(prefs.fontSize - 2) })}
        aria-label={t('works.reader.smaller')}
      >
        A−
      </Button>
      <span className="reader-controls__value" aria-live="polite">
        {prefs.fontSize}px
      </span>
      <Button
        size="sm"
        onClick={() => set({ fontSize: clampFont(prefs.fontSize + 2) })}
        aria-label={t('works.reader.larger')}
      >
        A+
      </Button>
      <label className="reader-controls__select">
        {t('works.reader.width')}{' '}
        <select value={prefs.width} onChange={(e) => set({ width: e.target.value as ReaderPrefs['width'] })}>
          <option value="narrow">{t('works.reader.width.narrow')}</option>
          <option value="medium">{t('works.reader.width.medium')}</option>
          <option value="wide">{t('works.reader.width.wide')}</option>
        </select>
      </label>
      <Button
        size="sm"
        aria-pressed={prefs.theme === 'dark'}
        onClick={() => set({ theme: prefs.theme === 'dark' ? 'light' : 'dark' })}
      >
        {prefs.theme === 'dark' ? t('works.reader.light') : t('works.reader.dark')}
      </Button>
      <Button size="sm" aria-pressed={prefs.showNotes} onClick={() => set({ showNotes: !prefs.showNotes })}>
        {prefs.showNotes ? t('works.reader.hideNotes') : t('works.reader.showNotes')}
      </Button>
    </div>
  );
}

function ChapterText({ chapter, showNotes }: { chapter: Chapter; showNotes: boolean }) {
  const { t } = useI18n();
  return (
    <section className="chapter" aria-labelledby={`chapter-${chapter.position}`}>
      <h2 id={`chapter-${chapter.position}`} className="chapter__title">
        {chapter.title || t('works.chapter.untitled', { n: chapter.position })}
      </h2>
      {chapter.publishedAt === null && (
        <p className="work-badge">{t('works.chapter.scheduled', { date: chapter.publishAt ?? '' })}</p>
      )}
      {showNotes && chapter.notesBeforeHtml && (
        <aside className="chapter__notes" aria-label={t('works.chapter.notesBefore')}>
          <CookedContent html={chapter.notesBeforeHtml} />
        </aside>
      )}
      <CookedContent html={chapter.bodyHtml} className="chapter__body" />
      {showNotes && chapter.notesAfterHtml && (
        <aside className="chapter__notes" aria-label={t('works.chapter.notesAfter')}>
          <CookedContent html={chapter.notesAfterHtml} />
        </aside>
      )}
    </section>
  );
}

function ReaderActions({ work }: { work: WorkFull }) {
  const { t, formatNumber } = useI18n();
  const kudos = useToggle(work.id, 'kudos');
  const subscribe = useToggle(work.id, 'subscribe');
  const [reporting, setReporting] = useState(false);
  const viewer = work.viewer;
  if (!viewer) {
    return (
      <p className="reader-actions">
        <Link to={`/signin?next=/works/${work.id}`}>{t('works.signInToReact')}</Link>
      </p>
    );
  }
  return (
    <div className="reader-actions">
      {(work.permissions.canGiveKudos || viewer.kudos) && (
        <Button
          variant={viewer.kudos ? 'secondary' : 'primary'}
          aria-pressed={viewer.kudos}
          busy={kudos.isPending}
          onClick={() => kudos.mutate({ on: !viewer.kudos })}
        >
          {viewer.kudos ? t('works.kudos.given', { count: formatNumber(work.kudos) }) : t('works.kudos.give')}
        </Button>
      )}
      <Button
        aria-pressed={viewer.subscribed}
        busy={subscribe.isPending}
        onClick={() => subscribe.mutate({ on: !viewer.subscribed })}
      >
        {viewer.subscribed ? t('works.unsubscribe') : t('works.subscribe')}
      </Button>
      <BookmarkButton work={work} />
      {!work.permissions.canEdit && (
        <>
          <Button variant="secondary" onClick={() => setReporting(true)}>
            {t('works.report')}
          </Button>
          <ReportDialog open={reporting} onOpenChange={setReporting} targetType="work" targetId={work.id} />
        </>
      )}
    </div>
  );
}

/** The work page, made for reading: one chapter at a time or the entire work. */
export function WorkReader({
  id,
  rightsActions,
}: {
  id: number;
  /** What app/ adds under the rights table, e.g. the inquiries feature's "Ask about rights". */
  rightsActions?: (work: WorkFull) => ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const { user } = useSession();
  const work = useWork(id);
  const accept = useAcceptInvitation(id);
  const [params, setParams] = useSearchParams();
  const [prefs, setPrefs] = useState<ReaderPrefs>(loadPrefs);
  const changePrefs = (p: ReaderPrefs) => {
    setPrefs(p);
    savePrefs(p);
  };

  // The table of contents comes with the work; texts load one chapter, or one slice, at a time.
  const list = useMemo(() => work.data?.chapters ?? [], [work.data]);
  const entire = params.get('view') === 'all';
  const requested = Number(params.get('chapter'));
  const remembered =
    work.data?.viewer?.position?.chapter ?? (user ? null : loadGuestPosition(id)?.chapter) ?? null;
  const position =
    [requested, remembered].find((n) => n && list.some((c) => c.position === n)) ?? list[0]?.position ?? null;
  const current = list.find((c) => c.position === position) ?? null;
  const chapter = useChapter(id, entire || !current ? null : current.position);
  const slices = useChapterSlices(id, entire && list.length > 0);
  const entireText = slices.data?.pages.flat() ?? [];

  useEffect(() => {
    if (!current || !work.data) return;
    if (user) {
      void savePosition(id, current.position, 0).catch(() => undefined);
    } else {
      saveGuestPosition(id, { chapter: current.position, progress: 0 });
    }
  }, [current, id, user, work.data]);

  if (work.isPending) return <LoadingState />;
  if (work.isError) return <ErrorState error={work.error} onRetry={() => void work.refetch()} />;
  const w = work.data;
  const goTo = (n: number) => setParams({ chapter: String(n) });
  const index = current ? list.indexOf(current) : -1;
  const previous = index > 0 ? list[index - 1] : undefined;
  const next = index >= 0 ? list[index + 1] : undefined;

  return (
    <article
      className={`reader reader--${prefs.theme} reader--${prefs.width}`}
      style={{ fontSize: `${prefs.fontSize}px` }}
      aria-labelledby="work-title"
    >
      <header className="reader__head">
        {w.coverUrl && <img className="work-cover" src={w.coverUrl} alt="" />}
        <h1 id="work-title" className="reader__title">
          {w.title}
        </h1>
        <p className="reader__by">
          {t('works.by')} <Authors authors={w.authors} />
        </p>
        <TranslationOf work={w} />
        <SeriesNav work={w} />
        <WorkTags work={w} />
        {w.summaryHtml && <CookedContent html={w.summaryHtml} className="reader__summary" />}
        <p className="reader__stats">
          {t('works.stats.line', {
            words: formatNumber(w.wordCount),
            chapters: formatNumber(w.chapterCount),
            kudos: formatNumber(w.kudos),
            hits: formatNumber(w.hits),
          })}
        </p>
        {w.permissions.canAcceptInvitation && (
          <Button variant="primary" busy={accept.isPending} onClick={() => accept.mutate()}>
            {t('works.coauthor.accept')}
          </Button>
        )}
        <div className="reader__links">
          {w.permissions.canEdit && <ButtonLink to={`/works/${w.id}/edit`}>{t('works.edit')}</ButtonLink>}
          {w.topicId && <Link to={`/t/discussion/${w.topicId}`}>{t('works.discussion')}</Link>}
          <a href={`${API_BASE}/works/${w.id}/download.epub`}>EPUB</a>
          <a href={`${API_BASE}/works/${w.id}/download.html`}>HTML</a>
        </div>
        <ReaderActions work={w} />
        <RightsTable rights={w.rights ?? []} />
        {rightsActions?.(w)}
        <TranslationList work={w} />
        <RequestTranslation work={w} />
      </header>

      <ReaderControls prefs={prefs} onChange={changePrefs} />

      {list.length === 0 ? (
        <p className="reader__empty">{t('works.noChapters')}</p>
      ) : (
        <>
          <nav className="chapter-nav" aria-label={t('works.chapters')}>
            <label>
              <span className="visually-hidden">{t('works.chapters')}</span>
              <select
                value={entire ? 'all' : String(position)}
                onChange={(e) =>
                  e.target.value === 'all' ? setParams({ view: 'all' }) : goTo(Number(e.target.value))
                }
              >
                {list.map((c) => (
                  <option key={c.id} value={c.position}>
                    {c.position}. {c.title || t('works.chapter.untitled', { n: c.position })}
                  </option>
                ))}
                <option value="all">{t('works.entireWork')}</option>
              </select>
            </label>
            {entire ? (
              <Button size="sm" onClick={() => goTo(position ?? 1)}>
                {t('works.chapterByChapter')}
              </Button>
            ) : (
              <Button size="sm" onClick={() => setParams({ view: 'all' })}>
                {t('works.entireWork')}
              </Button>
            )}
          </nav>
          <div className="reader__text">
            {entire ? (
              <>
                {entireText.map((c) => (
                  <ChapterText key={c.id} chapter={c} showNotes={prefs.showNotes} />
                ))}
                {slices.isPending ? (
                  <LoadingState />
                ) : slices.isError ? (
                  <ErrorState error={slices.error} onRetry={() => void slices.refetch()} />
                ) : (
                  slices.hasNextPage && (
                    <Button busy={slices.isFetchingNextPage} onClick={() => void slices.fetchNextPage()}>
                      {t('works.moreChapters', {
                        shown: formatNumber(entireText.length),
                        total: formatNumber(list.length),
                      })}
                    </Button>
                  )
                )}
              </>
            ) : chapter.isPending ? (
              <LoadingState />
            ) : chapter.isError ? (
              <ErrorState error={chapter.error} onRetry={() => void chapter.refetch()} />
            ) : (
              <ChapterText chapter={chapter.data} showNotes={prefs.showNotes} />
            )}
          </div>
          {!entire && (
            <nav className="chapter-nav chapter-nav--foot" aria-label={t('works.chapterPaging')}>
              {previous && <Button onClick={() => goTo(previous.position)}>{t('works.previous')}</Button>}
              {next && (
                <Button variant="primary" onClick={() => goTo(next.position)}>
                  {t('works.next')}
                </Button>
              )}
            </nav>
          )}
        </>
      )}
      <WorkBookmarkList work={w} />
    </article>
  );
}
