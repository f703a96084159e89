import { callableQueueListResponseSchema, type CallableQueue } from '@contract/http/voice';
import type { MountPart } from '../part';
import { startCustomerCall, type CustomerCall } from './callSession';
import { initialCallState, nextCallState, type CallEvent, type CallState } from './callState';
import { createCallView, type CallView } from './callView';
import { playWaitingMusic } from './waitingMusic';
import './call.css';

// The call part of the customer page: a queue picker (or the queue named in the link), a call
// button, the caller's place in the queue with music while waiting, then the agent's voice.

async function loadQueues(origin: string, tenant: string): Promise<CallableQueue[]> {
  const reply = await fetch(new URL(`/api/voice/queues?tenant=${encodeURIComponent(tenant)}`, origin));
  if (!reply.ok) throw new Error(`The list of lines could not be loaded (${reply.status}).`);
  return callableQueueListResponseSchema.parse(await reply.json()).queues;
}

/** Mounts the call part; returns its disposer. */
export const mountCall: MountPart = (section, config) => {
  let state: CallState = initialCallState;
  let call: CustomerCall | null = null;
  let stopMusic: (() => void) | null = null;
  let view: CallView | null = null;
  let disposed = false;

  const music = (on: boolean) => {
    if (on && !stopMusic) stopMusic = playWaitingMusic(() => new AudioContext());
    if (!on && stopMusic) {
      stopMusic();
      stopMusic = null;
    }
  };
  const dispatch = (event: CallEvent) => {
    state = nextCallState(state, event);
    music(state.phase === 'queued');
    view?.render(state);
    if (state.phase === 'ended' || state.phase === 'failed') call = null;
  };
  const build = (queues: CallableQueue[]) => {
    if (disposed) return;
    view = createCallView(section, config.queue, queues, {
      onCall(queue, number) {
        if (call || !queue) return;
        dispatch({ type: 'reset' });
        call = startCustomerCall(
          { serverOrigin: config.serverOrigin, tenant: config.tenant, queue, callerNumber: number },
          dispatch,
          view!.remoteAudio,
        );
      },
      onHangUp: () => call?.hangUp(),
      onMute: (muted) => call?.setMuted(muted),
      onDtmf: (tone) => call?.sendDtmf(tone),
    });
    view.render(state);
  };

  if (config.queue) build([]);
  else
    loadQueues(config.serverOrigin, config.tenant).then(build, (error: unknown) => {
      build([]);
      dispatch({ type: 'dial' });
      dispatch({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    });

  return () => {
    disposed = true;
    call?.hangUp();
    music(false);
    view?.dispose();
  };
};
