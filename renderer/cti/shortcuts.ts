import type { HotkeyAction } from '@contract/ipc/settings';

// Keyboard shortcuts of the seat. Answer, hang up, hold and mute follow the agent's hotkey settings,
// and so do ready, not ready and focus-the-inbox; the other toolbar actions have fixed Alt+Shift
// chords, chosen to stay clear of the browser's own Ctrl shortcuts in the web seat. They work while
// the seat's window has the focus: the renderer listens for them, and the desktop app registers no
// global shortcut (a call answered from another application would surprise the agent).

/** A toolbar command a key can trigger (hold and mute toggle). */
export const ctiCommands = [
  'answer',
  'reject',
  'hangup',
  'hold',
  'mute',
  'keypad',
  'dial',
  'transfer',
  'consult',
  'completeTransfer',
  'cancelConsult',
  'conference',
  'wrapup',
] as const;
export type CtiCommand = (typeof ctiCommands)[number];

const fixed: Record<Exclude<CtiCommand, 'answer' | 'hangup' | 'hold' | 'mute'>, string> = {
  reject: 'Alt+Shift+J',
  keypad: 'Alt+Shift+K',
  dial: 'Alt+Shift+D',
  transfer: 'Alt+Shift+T',
  consult: 'Alt+Shift+C',
  completeTransfer: 'Alt+Shift+X',
  cancelConsult: 'Alt+Shift+Z',
  conference: 'Alt+Shift+F',
  wrapup: 'Alt+Shift+W',
};

/** The accelerator of every command, from the hotkey settings where they name one. */
export function ctiShortcuts(hotkeys: Partial<Record<HotkeyAction, string>>): Record<CtiCommand, string> {
  return {
    answer: hotkeys.answer ?? 'CommandOrControl+Shift+A',
    hangup: hotkeys.hangup ?? 'CommandOrControl+Shift+H',
    hold: hotkeys.hold ?? 'CommandOrControl+Shift+O',
    mute: hotkeys.mute ?? 'CommandOrControl+Shift+M',
    ...fixed,
  };
}

/** A seat command a hotkey setting names besides the toolbar's: agent state and the inbox. */
export const seatCommands = ['ready', 'notReady', 'focusInbox'] as const;
export type SeatCommand = (typeof seatCommands)[number];

/** The accelerator of every seat command, from the hotkey settings where they name one. */
export function seatShortcuts(hotkeys: Partial<Record<HotkeyAction, string>>): Record<SeatCommand, string> {
  return {
    ready: hotkeys.ready ?? 'Alt+Shift+R',
    notReady: hotkeys.notReady ?? 'Alt+Shift+N',
    focusInbox: hotkeys.focusInbox ?? 'Alt+Shift+I',
  };
}

interface Chord {
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

/** Parses an Electron accelerator; CommandOrControl is Meta on macOS and Control elsewhere. */
export function parseAccelerator(accelerator: string, mac: boolean): Chord {
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toUpperCase();
  const chord: Chord = { control: false, meta: false, alt: false, shift: false, key };
  for (const part of parts) {
    const modifier = part.toLowerCase();
    if (modifier === 'commandorcontrol' || modifier === 'cmdorctrl') chord[mac ? 'meta' : 'control'] = true;
    else if (modifier === 'control' || modifier === 'ctrl') chord.control = true;
    else if (['command', 'cmd', 'super', 'meta'].includes(modifier)) chord.meta = true;
    else if (modifier === 'alt' || modifier === 'option' || modifier === 'altgr') chord.alt = true;
    else if (modifier === 'shift') chord.shift = true;
  }
  return chord;
}

/** The key of a keyboard event as accelerators name it: letters and digits from the physical key. */
function eventKey(event: Pick<KeyboardEvent, 'code' | 'key'>): string {
  const code = /^(?:Key|Digit)([A-Z0-9])$/.exec(event.code);
  return code?.[1] ?? event.key.toUpperCase();
}

/** True when the keyboard event is exactly the accelerator's chord. */
export function matchesAccelerator(
  event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  accelerator: string,
  mac: boolean,
): boolean {
  const chord = parseAccelerator(accelerator, mac);
  return (
    event.ctrlKey === chord.control &&
    event.metaKey === chord.meta &&
    event.altKey === chord.alt &&
    event.shiftKey === chord.shift &&
    eventKey(event) === chord.key
  );
}

/** The accelerator written as aria-keyshortcuts wants it (e.g. "Control+Shift+A"). */
export function ariaShortcut(accelerator: string, mac: boolean): string {
  const chord = parseAccelerator(accelerator, mac);
  return [
    chord.control ? 'Control' : null,
    chord.meta ? 'Meta' : null,
    chord.alt ? 'Alt' : null,
    chord.shift ? 'Shift' : null,
    chord.key,
  ]
    .filter(Boolean)
    .join('+');
}
