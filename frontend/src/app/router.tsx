import { createBrowserRouter } from 'react-router';
import { BoardRoute } from './routes/BoardRoute';
import { BoardsRoute } from './routes/BoardsRoute';
import { AdminVerificationsRoute } from './routes/AdminVerificationsRoute';
import { BookmarksRoute } from './routes/BookmarksRoute';
import { DashboardRoute } from './routes/DashboardRoute';
import { ForgotPasswordRoute } from './routes/ForgotPasswordRoute';
import { GroupRoute } from './routes/GroupRoute';
import { GroupsRoute } from './routes/GroupsRoute';
import { HomeRoute } from './routes/HomeRoute';
import { HotRoute } from './routes/HotRoute';
import { LatestRoute } from './routes/LatestRoute';
import { NewGroupRoute } from './routes/NewGroupRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { NotificationsRoute } from './routes/NotificationsRoute';
import { RegistryDraftRoute } from './routes/RegistryDraftRoute';
import { RegistryEntryRoute } from './routes/RegistryEntryRoute';
import { RegistryVerifyRoute } from './routes/RegistryVerifyRoute';
import { ResetPasswordRoute } from './routes/ResetPasswordRoute';
import { RouteError } from './routes/RouteError';
import { SearchRoute } from './routes/SearchRoute';
import { SettingsRoute } from './routes/SettingsRoute';
import { SignInRoute } from './routes/SignInRoute';
import { SignUpRoute } from './routes/SignUpRoute';
import { TagRoute } from './routes/TagRoute';
import { UserRoute } from './routes/UserRoute';
import { VerifyEmailRoute } from './routes/VerifyEmailRoute';
import { SeriesRoute } from './routes/SeriesRoute';
import { TranslationRequestsRoute } from './routes/TranslationRequestsRoute';
import { WorkRoute } from './routes/WorkRoute';
import { WorksRoute } from './routes/WorksRoute';
import { InquiriesRoute } from './routes/InquiriesRoute';
import { InquiryRoute } from './routes/InquiryRoute';
import { IpCatalogueRoute } from './routes/IpCatalogueRoute';
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
      { path: 'hot', element: <HotRoute /> },
      { path: 'notifications', element: <NotificationsRoute /> },
      { path: 'b/:slug', element: <BoardRoute /> },
      // The topic page and the composer (diff, popovers, the composer's code) load on first use.
      {
        path: 'b/:slug/new',
        lazy: () => import('./routes/NewTopicRoute').then((m) => ({ Component: m.NewTopicRoute })),
      },
      { path: 'tag/:tag', element: <TagRoute /> },
      { path: 't/:slug/:id', lazy: topicRoute },
      { path: 't/:slug/:id/:postNumber', lazy: topicRoute },
      { path: 'u/:handle/:tab?', element: <UserRoute /> },
      { path: 'groups', element: <GroupsRoute /> },
      { path: 'groups/new', element: <NewGroupRoute /> },
      {
        path: 'g/:slug/new',
        lazy: () => import('./routes/NewGroupTopicRoute').then((m) => ({ Component: m.NewGroupTopicRoute })),
      },
      { path: 'g/:slug/:tab?', element: <GroupRoute /> },
      { path: 'admin/verifications', element: <AdminVerificationsRoute /> },
      { path: 'works', element: <WorksRoute /> },
      { path: 'ip', element: <IpCatalogueRoute /> },
      { path: 'inquiries', element: <InquiriesRoute role="sent" /> },
      { path: 'inquiries/received', element: <InquiriesRoute role="received" /> },
      { path: 'inquiries/:id', element: <InquiryRoute /> },
      { path: 'dashboard', element: <DashboardRoute /> },
      { path: 'works/:id', element: <WorkRoute /> },
      { path: 'series/:id', element: <SeriesRoute /> },
      { path: 'translation-requests', element: <TranslationRequestsRoute /> },
      // The editor loads on first use.
      {
        path: 'works/new',
        lazy: () => import('./routes/WorkEditRoute').then((m) => ({ Component: m.WorkEditRoute })),
      },
      {
        path: 'works/:id/edit',
        lazy: () => import('./routes/WorkEditRoute').then((m) => ({ Component: m.WorkEditRoute })),
      },
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
      { path: 'registry/verify', element: <RegistryVerifyRoute /> },
      { path: 'registry/drafts/new', element: <RegistryDraftRoute /> },
      { path: 'registry/entries/:id', element: <RegistryEntryRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
