import { useEffect } from 'react';
import type { Observable } from 'rxjs';
import type { ServerMessage } from '@contract/ws';
import { startNewWorkNotifier } from './new-work-notifier';
import type { NewWorkServices } from './new-work-services';

/** Props: the seat socket's frames and the notifier's services. */
export interface NewWorkNotifierProps {
  frames$: Observable<ServerMessage>;
  services: NewWorkServices;
}

/** Runs the new-work sound and badge while mounted (the signed-in shell); renders nothing. */
export function NewWorkNotifier({ frames$, services }: NewWorkNotifierProps) {
  useEffect(() => startNewWorkNotifier({ frames$, ...services }), [frames$, services]);
  return null;
}
