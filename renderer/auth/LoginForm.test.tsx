import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { LoginForm } from './LoginForm';

describe('LoginForm', () => {
  afterEach(cleanup);

  it('labels every field and submits the typed credentials when Enter is pressed', async () => {
    const onSubmit = vi.fn();
    renderWithI18n(<LoginForm pending={false} error={null} onSubmit={onSubmit} />);
    expect(screen.getByLabelText('Organisation')).toHaveProperty('value', 'demo');
    await userEvent.type(screen.getByLabelText('User name'), ' agent01 ');
    await userEvent.type(screen.getByLabelText('Password'), 'seat-demo{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ tenant: 'demo', username: 'agent01', password: 'seat-demo' });
  });

  it('puts the cursor in the user name field first', () => {
    renderWithI18n(<LoginForm pending={false} error={null} onSubmit={() => {}} />);
    expect(document.activeElement).toBe(screen.getByLabelText('User name'));
  });

  it('refuses empty fields with a message beside each, without submitting', async () => {
    const onSubmit = vi.fn();
    renderWithI18n(<LoginForm pending={false} error={null} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const username = screen.getByLabelText('User name');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter your user name.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(document.activeElement).toBe(username);
  });

  it('clears a field message as soon as the field is filled', async () => {
    renderWithI18n(<LoginForm pending={false} error={null} onSubmit={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await userEvent.type(screen.getByLabelText('User name'), 'a');
    expect(screen.queryByText('Enter your user name.')).toBeNull();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
  });

  it('disables the submit button and ignores Enter while a sign-in is pending', async () => {
    const onSubmit = vi.fn();
    renderWithI18n(<LoginForm pending error={null} onSubmit={onSubmit} />);
    const button = screen.getByRole('button', { name: 'Signing in…' });
    expect(button).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByLabelText('User name'), 'agent01');
    await userEvent.type(screen.getByLabelText('Password'), 'x{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the refusal as an alert that screen readers announce', () => {
    renderWithI18n(
      <LoginForm pending={false} error="The user name or password is wrong." onSubmit={() => {}} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('The user name or password is wrong.');
  });

  it('speaks Chinese when the seat does', () => {
    renderWithI18n(<LoginForm pending={false} error={null} onSubmit={() => {}} />, 'zh-CN');
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
    expect(screen.getByLabelText('密码')).toBeTruthy();
  });
});
