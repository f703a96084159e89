import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './LoginForm.css';

/** What the agent typed to sign in. */
export interface Credentials {
  tenant: string;
  username: string;
  password: string;
}

/** Props of the presentational login form; the container owns the request. */
export interface LoginFormProps {
  pending: boolean;
  /** A translated sentence to show as an alert (wrong password, server down…), or null. */
  error: string | null;
  /** A translated, non-error notice such as "your session ended", or null. */
  notice?: string | null;
  defaultTenant?: string;
  onSubmit: (credentials: Credentials) => void;
}

type Field = keyof Credentials;
type FieldErrors = Partial<Record<Field, string>>;

const requiredKey: Record<Field, string> = {
  tenant: 'login.tenantRequired',
  username: 'login.usernameRequired',
  password: 'login.passwordRequired',
};

/** The sign-in form: labelled fields, checks for empty fields, Enter submits, errors announced. */
export function LoginForm({
  pending,
  error,
  notice = null,
  defaultTenant = 'demo',
  onSubmit,
}: LoginFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<Credentials>({ tenant: defaultTenant, username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const trimmed = { ...values, tenant: values.tenant.trim(), username: values.username.trim() };
    const missing = (Object.keys(requiredKey) as Field[]).filter((f) => trimmed[f] === '');
    setFieldErrors(Object.fromEntries(missing.map((f) => [f, t(requiredKey[f])])));
    const first = missing[0];
    if (first) {
      inputs.current[first]?.focus();
      return;
    }
    onSubmit(trimmed);
  };

  const field = (name: Field, label: string, type: string, autoComplete: string, autoFocus = false) => {
    const inputId = `${id}-${name}`;
    const problem = fieldErrors[name];
    return (
      <div className="login-form__field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          ref={(el) => {
            inputs.current[name] = el;
          }}
          name={name}
          type={type}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          value={values[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${inputId}-error` : undefined}
          onChange={(e) => {
            const value = e.target.value;
            setValues((v) => ({ ...v, [name]: value }));
            if (problem) setFieldErrors((errs) => ({ ...errs, [name]: undefined }));
          }}
        />
        {problem ? (
          <p id={`${inputId}-error`} className="login-form__field-error">
            {problem}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="login-form" noValidate onSubmit={submit} aria-busy={pending} data-pending={pending}>
      {notice ? (
        <p className="login-form__notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="login-form__error" role="alert" data-testid="login-error">
          {error}
        </p>
      ) : null}
      {field('tenant', t('login.tenant'), 'text', 'organization')}
      {field('username', t('login.username'), 'text', 'username', true)}
      {field('password', t('login.password'), 'password', 'current-password')}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
