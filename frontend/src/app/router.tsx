import { createBrowserRouter } from 'react-router';
import { BoardRoute } from './routes/BoardRoute';
import { BoardsRoute } from './routes/BoardsRoute';
import { BookmarksRoute } from './routes/BookmarksRoute';
import { ForgotPasswordRoute } from './routes/ForgotPasswordRoute';
import { HomeRoute } from './routes/HomeRoute';
import { LatestRoute } from './routes/LatestRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { ResetPasswordRoute } from './routes/ResetPasswordRoute';
import { RouteError } from './routes/RouteError';
import { SearchRoute } from './routes/SearchRoute';
import { SettingsRoute } from './routes/SettingsRoute';
import { SignInRoute } from './routes/SignInRoute';
import { SignUpRoute } from './routes/SignUpRoute';
import { TagRoute } from './routes/TagRoute';
import { UserRoute } from './routes/UserRoute';
import { VerifyEmailRoute } from './routes/VerifyEmailRoute';
import { AppShell } from './shell/AppShell';

const topicRoute = () => import('./routes/TopicRoute').then((m) => ({ Component: m.TopicRoute }));

export const routes = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'boards', element: <BoardsRoute /> },
      { path: 'latest', element: <LatestRoute /> },
      { path: 'b/:slug', element: <BoardRoute /> },
      // The topic page and the composer (diff, popovers, the composer's code) load on first use.
      {
        path: 'b/:slug/new',
        lazy: () => import('./routes/NewTopicRoute').then((m) => ({ Component: m.NewTopicRoute })),
      },
      { path: 'tag/:tag', element: <TagRoute /> },
      { path: 't/:slug/:id', lazy: topicRoute },
      { path: 't/:slug/:id/:postNumber', lazy: topicRoute },
      { path: 'u/:handle', element: <UserRoute /> },
      { path: 'me/bookmarks', element: <BookmarksRoute /> },
      { path: 'signup', element: <SignUpRoute /> },
      { path: 'signin', element: <SignInRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'settings', element: <SettingsRoute /> },
      { path: 'search', element: <SearchRoute /> },
      {
        path: 'mod/queue',
        lazy: () =>
          import('@/features/moderation/components/QueuePage').then((m) => ({ Component: m.QueuePage })),
      },
      {
        path: 'mod/log',
        lazy: () =>
          import('@/features/moderation/components/AuditLogPage').then((m) => ({
            Component: m.AuditLogPage,
          })),
      },
      {
        path: 'admin/settings',
        lazy: () =>
          import('@/features/moderation/components/SiteSettingsPage').then((m) => ({
            Component: m.SiteSettingsPage,
          })),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
