import { describe, expect, it } from 'vitest';
import { tabShortcut } from './conversation-keys';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('tabShortcut', () => {
  it('maps Ctrl or Cmd with a digit to that tab', () => {
    expect(tabShortcut(key('1', { ctrlKey: true }))).toEqual({ kind: 'index', index: 0 });
    expect(tabShortcut(key('9', { metaKey: true }))).toEqual({ kind: 'index', index: 8 });
  });

  it('maps Alt+PageDown and Alt+PageUp to the next and previous tab', () => {
    expect(tabShortcut(key('PageDown', { altKey: true }))).toEqual({ kind: 'cycle', step: 1 });
    expect(tabShortcut(key('PageUp', { altKey: true }))).toEqual({ kind: 'cycle', step: -1 });
  });

  it('ignores plain digits, Ctrl+0 and shortcuts with extra modifiers', () => {
    expect(tabShortcut(key('1'))).toBeNull();
    expect(tabShortcut(key('0', { ctrlKey: true }))).toBeNull();
    expect(tabShortcut(key('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(tabShortcut(key('PageDown', { altKey: true, ctrlKey: true }))).toBeNull();
  });
});
