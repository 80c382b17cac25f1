import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import './Page.css';

export interface PageProps {
  title: string;
  /** Replaces the visible heading when it should differ from the document title. */
  heading?: ReactNode;
  lead?: ReactNode;
  /** reading: a comfortable text column; form: a narrow column; wide: the whole container. */
  width?: 'reading' | 'form' | 'wide';
  /** Buttons beside the heading (follow, new topic). */
  actions?: ReactNode;
  children?: ReactNode;
}

export function Page({ title, heading, lead, width = 'reading', actions, children }: PageProps) {
  const { t } = useI18n();
  return (
    <div className={`page page--${width}`}>
      <title>{`${title} · ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title">{heading ?? title}</h1>
        {lead && <p className="page__lead">{lead}</p>}
        {actions && <div className="page__actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}

/** A titled block of a page, e.g. one group of settings. */
export function Panel({
  title,
  description,
  children,
  tone,
  id,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  tone?: 'danger';
  id?: string;
}) {
  return (
    <section className={['panel', tone && `panel--${tone}`].filter(Boolean).join(' ')} aria-labelledby={id}>
      <h2 className="panel__title" id={id}>
        {title}
      </h2>
      {description && <p className="panel__description">{description}</p>}
      <div className="panel__body">{children}</div>
    </section>
  );
}
