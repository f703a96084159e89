import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { PhoneIndicators } from './PhoneIndicators';

describe('PhoneIndicators', () => {
  afterEach(cleanup);

  it('shows a connected server with a failed registration as two different lights', () => {
    renderWithI18n(<PhoneIndicators transport="connected" registration="failed" />);
    expect(screen.getByTestId('sip-connection').dataset.state).toBe('connected');
    expect(screen.getByTestId('sip-connection').textContent).toContain('Phone server connected');
    expect(screen.getByTestId('sip-registration').dataset.state).toBe('failed');
    expect(screen.getByTestId('sip-registration').textContent).toContain('Line registration failed');
  });
});
