import { createBrowserRouter } from 'react-router';
import { BoardRoute } from './routes/BoardRoute';
import { BoardsRoute } from './routes/BoardsRoute';
import { BookmarksRoute } from './routes/BookmarksRoute';
import { ForgotPasswordRoute } from './routes/ForgotPasswordRoute';
import { HomeRoute } from './routes/HomeRoute';
import { LatestRoute } from './routes/LatestRoute';
import { NewTopicRoute } from './routes/NewTopicRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { ResetPasswordRoute } from './routes/ResetPasswordRoute';
import { RouteError } from './routes/RouteError';
import { SearchRoute } from './routes/SearchRoute';
import { SettingsRoute } from './routes/SettingsRoute';
import { SignInRoute } from './routes/SignInRoute';
import { SignUpRoute } from './routes/SignUpRoute';
import { TagRoute } from './routes/TagRoute';
import { TopicRoute } from './routes/TopicRoute';
import { UserRoute } from './routes/UserRoute';
import { VerifyEmailRoute } from './routes/VerifyEmailRoute';
import { AppShell } from './shell/AppShell';

export const routes = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'boards', element: <BoardsRoute /> },
      { path: 'latest', element: <LatestRoute /> },
      { path: 'b/:slug', element: <BoardRoute /> },
      { path: 'b/:slug/new', element: <NewTopicRoute /> },
      { path: 'tag/:tag', element: <TagRoute /> },
      { path: 't/:slug/:id', element: <TopicRoute /> },
      { path: 't/:slug/:id/:postNumber', element: <TopicRoute /> },
      { path: 'u/:handle', element: <UserRoute /> },
      { path: 'me/bookmarks', element: <BookmarksRoute /> },
      { path: 'signup', element: <SignUpRoute /> },
      { path: 'signin', element: <SignInRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'settings', element: <SettingsRoute /> },
      { path: 'search', element: <SearchRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
