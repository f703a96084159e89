import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../i18n/render-with-i18n';
import { OfferActions } from './OfferActions';

describe('OfferActions', () => {
  it('offers accept and reject buttons named after the customer, disabled while pending', () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    const { rerender } = renderWithI18n(
      <OfferActions customer="Ada" pending={false} onAccept={onAccept} onReject={onReject} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Accept offer from Ada' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject offer from Ada' }));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onReject).toHaveBeenCalledTimes(1);
    rerender(<OfferActions customer="Ada" pending onAccept={onAccept} onReject={onReject} />);
    expect(
      (screen.getByRole('button', { name: 'Accept offer from Ada' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
