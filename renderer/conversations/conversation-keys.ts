/** What a key press asks of the tab strip, or null when it is not one of its shortcuts. */
export type TabShortcut = { kind: 'index'; index: number } | { kind: 'cycle'; step: 1 | -1 } | null;

/** The key facts a shortcut depends on (a KeyboardEvent has them all). */
export type KeyFacts = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * Ctrl+1…9 (⌘ on macOS) shows the n-th conversation; Alt+PageDown / Alt+PageUp the next or previous.
 * Ctrl+Tab and Ctrl+PageDown are not used: browsers keep them for their own tabs.
 */
export function tabShortcut(event: KeyFacts): TabShortcut {
  const command = event.ctrlKey || event.metaKey;
  if (command && !event.altKey && !event.shiftKey && /^[1-9]$/.test(event.key))
    return { kind: 'index', index: Number(event.key) - 1 };
  if (event.altKey && !command && !event.shiftKey) {
    if (event.key === 'PageDown') return { kind: 'cycle', step: 1 };
    if (event.key === 'PageUp') return { kind: 'cycle', step: -1 };
  }
  return null;
}
