import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { passwordRules, required } from '@/lib/validation';
import type { User } from '@/types/api';
import { useLogin } from '../api/login';
import './auth.css';

const FIELDS = ['login', 'password'] as const;

export function SignInForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useI18n();
  const signIn = useLogin();
  const errors = useFormErrors(signIn, FIELDS);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  const submit = () => {
    // Only presence is checked here: an old account may predate today's password rules.
    const checked = errors.passes([
      ...required('login', login),
      ...passwordRules('password', password).filter((e) => e.code === 'required'),
    ]);
    if (!checked) return;
    signIn.mutate({ login: login.trim(), password }, { onSuccess: onSignedIn });
  };

  return (
    <Form onSubmit={submit} failure={signIn.error} aria-label={t('signIn.title')}>
      <TextField
        label={t('field.login.label')}
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={login}
        onChange={(e) => setLogin(e.target.value)}
        error={errors.field('login')}
      />
      <TextField
        label={t('field.password.label')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.field('password')}
      />
      <p className="auth-aside">
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <FormError error={errors.form} />
      <FormActions>
        <Button type="submit" variant="primary" block busy={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </FormActions>
      <p className="auth-switch">
        {t('signIn.noAccount')} <Link to="/signup">{t('nav.signUp')}</Link>
      </p>
    </Form>
  );
}
