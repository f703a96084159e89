import { combineLatest, distinctUntilChanged, map, scan, startWith } from 'rxjs';
import type { Observable } from 'rxjs';
import type { ServerMessage } from '@contract/ws';
import type { TabsState } from '../conversations/tabs-state';
import { focusOf, nextRinging, sameFocus } from './customer-focus';
import type { CustomerFocus } from './customer-focus';

/** The pane's focus as it changes: the seat's frames (for a ringing call) and its conversation tabs. */
export function customerFocus$(
  frames$: Observable<ServerMessage>,
  tabs$: Observable<TabsState>,
): Observable<CustomerFocus> {
  const ringing$ = frames$.pipe(scan(nextRinging, null), startWith(null));
  const active$ = tabs$.pipe(
    map((state) => state.tabs.find((t) => t.id === state.activeId)?.interaction ?? null),
  );
  return combineLatest([ringing$, active$]).pipe(
    map(([ringing, active]) => focusOf(ringing, active)),
    distinctUntilChanged(sameFocus),
  );
}
