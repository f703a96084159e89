import { act, cleanup, render, screen } from '@testing-library/react';
import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { useObservable } from './use-observable';

function Show({ source }: { source: BehaviorSubject<string> }) {
  return <p>{useObservable(source, 'initial')}</p>;
}

describe('useObservable', () => {
  afterEach(cleanup);

  it('shows the current value and follows new ones', () => {
    const source = new BehaviorSubject('first');
    render(<Show source={source} />);
    expect(screen.getByText('first')).toBeTruthy();
    act(() => source.next('second'));
    expect(screen.getByText('second')).toBeTruthy();
  });

  it('unsubscribes when the component goes away', () => {
    const source = new BehaviorSubject('x');
    const { unmount } = render(<Show source={source} />);
    expect(source.observed).toBe(true);
    unmount();
    expect(source.observed).toBe(false);
  });
});
