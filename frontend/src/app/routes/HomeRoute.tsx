import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/Alert';
import { ButtonLink } from '@/components/Button';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { BoardList } from '@/features/boards/components/BoardList';
import { LatestTopics, TopicRow } from '@/features/topics/components/TopicList';
import { HomeFeed } from '@/features/feed/components/HomeFeed';
import './routes.css';

export function HomeRoute() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  const { state } = useLocation() as { state: { notice?: string } | null };
  return (
    <div className="home">
      <title>{`${t('app.name')} · ${t('home.tagline')}`}</title>
      {state?.notice === 'accountDeleted' && <Alert tone="info">{t('settings.delete.done')}</Alert>}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title" className="hero__title">
          {t('home.title')}
        </h1>
        <p className="hero__lead">{t('home.lead')}</p>
        {!isPending && !user && (
          <p className="hero__actions">
            <ButtonLink to="/signup" variant="primary">
              {t('home.join')}
            </ButtonLink>
            <ButtonLink to="/signin" variant="secondary">
              {t('nav.signIn')}
            </ButtonLink>
          </p>
        )}
      </section>
      {user && (
        <section aria-labelledby="feed-title">
          <div className="section-head">
            <h2 id="feed-title" className="section-title">
              {t('feed.title')}
            </h2>
            <Link to="/hot" className="section-head__link">
              {t('hot.title')}
            </Link>
          </div>
          <HomeFeed
            renderTopics={(topics) => (
              <ul className="topic-list">
                {topics.map((topic) => (
                  <TopicRow key={topic.id} topic={topic} showBoard />
                ))}
              </ul>
            )}
          />
        </section>
      )}
      <section aria-labelledby="boards-title">
        <div className="section-head">
          <h2 id="boards-title" className="section-title">
            {t('boards.title')}
          </h2>
          <Link to="/latest" className="section-head__link">
            {t('home.allLatest')}
          </Link>
        </div>
        <BoardList renderExtra={(board) => <LatestTopics slug={board.slug} />} />
      </section>
    </div>
  );
}
