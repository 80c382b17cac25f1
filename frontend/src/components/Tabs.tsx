import { NavLink } from 'react-router';
import './Tabs.css';

export interface TabLink {
  to: string;
  label: string;
  /** e.g. a count, shown after the label. */
  extra?: string | number | null;
}

/** Tabs that are addresses (shareable, back-button friendly): the current one is aria-current. */
export function TabNav({ tabs, label }: { tabs: readonly TabLink[]; label: string }) {
  return (
    <nav className="tab-nav" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end className="tab-nav__tab" preventScrollReset>
          {tab.label}
          {tab.extra != null && <span className="tab-nav__extra">{tab.extra}</span>}
        </NavLink>
      ))}
    </nav>
  );
}
