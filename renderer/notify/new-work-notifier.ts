import type { Observable } from 'rxjs';
import type { ServerMessage } from '@contract/ws';

// Tells an agent whose seat is in the background that work arrived: a chime and a count on the
// badge for each new offer or new customer message, cleared as soon as the seat has focus again.
// While the seat is in front nothing sounds here: the inbox and the tabs show the work already.

/** Whether the seat window has focus, and when it gets it. */
export interface FocusSource {
  isFocused(): boolean;
  /** Calls `listener` whenever the window gains focus; returns the unsubscribe. */
  onFocus(listener: () => void): () => void;
}

/** What the notifier uses. */
export interface NewWorkNotifierDeps {
  frames$: Observable<ServerMessage>;
  focus: FocusSource;
  /** Plays the new-work sound. */
  chime: () => void;
  /** Shows the count of unseen work (0 clears): the tab's title and icon, and the OS badge in the app. */
  setBadge: (count: number) => void;
  now: () => number;
  /** Two arrivals closer than this share one chime, so a burst of offers does not clatter. */
  minChimeGapMs?: number;
}

/** Whether a frame is new work the agent should hear about. */
export function isNewWork(frame: ServerMessage): boolean {
  if (frame.type === 'interaction.offer' || frame.type === 'email.received') return true;
  return frame.type === 'chat.message' && frame.message.author === 'customer';
}

/** Starts the notifier; returns its disposer (which also clears the badge). */
export function startNewWorkNotifier(deps: NewWorkNotifierDeps): () => void {
  const gap = deps.minChimeGapMs ?? 1500;
  let unseen = 0;
  let lastChime = Number.NEGATIVE_INFINITY;
  const subscription = deps.frames$.subscribe((frame) => {
    if (!isNewWork(frame) || deps.focus.isFocused()) return;
    unseen += 1;
    deps.setBadge(unseen);
    const at = deps.now();
    if (at - lastChime >= gap) {
      lastChime = at;
      deps.chime();
    }
  });
  const clear = () => {
    if (unseen === 0) return;
    unseen = 0;
    deps.setBadge(0);
  };
  const stopFocus = deps.focus.onFocus(clear);
  return () => {
    subscription.unsubscribe();
    stopFocus();
    clear();
  };
}
