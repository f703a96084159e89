import { Subject } from 'rxjs';
import type { User } from '@contract/auth';
import type { Interaction } from '@contract/routing';
import type { ClientMessage, ServerMessage } from '@contract/ws';
import type { ConversationSocket } from './pane-props';

/** Test helper: an interaction with sensible defaults. */
export const interaction = (id: string, patch: Partial<Interaction> = {}): Interaction => ({
  id,
  channel: 'im',
  queueId: 'q1',
  customerId: null,
  state: 'active',
  agentId: 'a1',
  attached: { customerName: `Customer ${id}` },
  createdAt: '2026-01-01T09:59:00.000Z',
  updatedAt: '2026-01-01T09:59:50.000Z',
  estimatedWaitSeconds: null,
  position: null,
  disposition: null,
  releaseReason: null,
  priority: null,
  slaDueAt: null,
  ...patch,
});

/** Test helper: the agent whose seat it is. */
export const agentUser: User = {
  id: 'u1',
  tenantId: 'demo',
  username: 'agent01',
  displayName: 'Agent 01',
  role: 'agent',
  agentId: 'a1',
};

type Sent = ClientMessage extends infer M ? (M extends { id: string } ? Omit<M, 'id'> : never) : never;

/** Test helper: a seat socket whose frames the test pushes and whose requests it answers. */
export function fakeConversationSocket() {
  const frames = new Subject<ServerMessage>();
  const sent: Sent[] = [];
  const answers: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const socket: ConversationSocket = {
    messages$: frames.asObservable(),
    request: (message) => {
      sent.push(message as Sent);
      return new Promise<void>((resolve, reject) => answers.push({ resolve, reject }));
    },
  };
  return { socket, frames, sent, answers };
}
