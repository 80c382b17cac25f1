import { createBrowserRouter } from 'react-router';
import { BoardsRoute } from './routes/BoardsRoute';
import { ForgotPasswordRoute } from './routes/ForgotPasswordRoute';
import { HomeRoute } from './routes/HomeRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { ResetPasswordRoute } from './routes/ResetPasswordRoute';
import { RouteError } from './routes/RouteError';
import { SearchRoute } from './routes/SearchRoute';
import { SettingsRoute } from './routes/SettingsRoute';
import { SignInRoute } from './routes/SignInRoute';
import { SignUpRoute } from './routes/SignUpRoute';
import { VerifyEmailRoute } from './routes/VerifyEmailRoute';
import { AppShell } from './shell/AppShell';

export const routes = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'boards', element: <BoardsRoute /> },
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
