import { useState, type FormEvent } from 'react';
import { AuthErrorCode } from '@valeo/contracts';
import { ApiError } from '../../../lib/api-client.js';
import type { MessageKey } from '../../i18n/messages/de.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useSignIn } from '../hooks/use-sign-in.js';

function errorKey(error: unknown): MessageKey {
  if (error instanceof ApiError && error.code === AuthErrorCode.INVALID_CREDENTIALS) return 'auth.invalid';
  // The account's lockout and the per-IP throttle read the same to a person: wait and retry.
  if (error instanceof ApiError && (error.code === AuthErrorCode.ACCOUNT_LOCKED || error.code === AuthErrorCode.SIGN_IN_THROTTLED)) return 'auth.locked';
  return 'auth.failed';
}

export function SignInForm() {
  const { t } = useI18n();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  }

  return (
    <form className="sign-in-form" onSubmit={submit} noValidate>
      <label className="field">
        <span>{t('auth.email')}</span>
        <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('auth.password')}</span>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {signIn.isError ? (
        <p className="form-error" role="alert">
          {t(errorKey(signIn.error))}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={signIn.isPending || email.trim() === '' || password === ''}>
        {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
