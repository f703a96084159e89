import type { Interaction, InteractionState } from '@contract/routing';
import { outOfViewReason, type ServerMessage } from '@contract/ws';
import type { SeatConnection } from '../ws/seatConnection';

// What a team lead's inbox follows live: every change to the interactions they may see, as the same
// `interaction.update` frames agents get for their own work. A lead sees what a floor supervisor
// watches: the tenant's queued work (it is waiting for someone, whoever will take it) and everything
// offered to or held by the agents of their team (the team of the lead's own agent record; the store
// has no other link between a lead and a team). Admins see the whole tenant. Work that leaves a
// lead's view (queued work offered to another team, a transfer out of the team) is taken off their
// list with `interaction.revoked`, reason `out_of_view`; the frame says nothing but the id.

/** Where a lead's view ends. */
export interface LeadScope {
  /** Admins: every interaction of the tenant. */
  all: boolean;
  /** The team whose work the lead sees besides the queued work; null sees queued work only. */
  teamId: string | null;
}

/** The scope the feed needs: which team an agent is in. */
export interface LeadFeedDirectory {
  teamOf(tenantId: string, agentId: string): string | null;
}

/** Pushes interaction changes to the connected leads and admins who may see them. */
export interface LeadInteractionFeed {
  /** Follows a lead's or admin's socket; returns the function that stops. Agents are ignored. */
  add(connection: SeatConnection): () => void;
  /** An interaction changed; `view` builds its wire form, only when some lead is connected. */
  changed(tenantId: string, interactionId: string, view: () => Interaction): void;
}

/** Whether an interaction in this state with this agent lies in the scope. */
export function inLeadScope(
  scope: LeadScope,
  interaction: { state: InteractionState; agentId: string | null },
  teamOf: (agentId: string) => string | null,
): boolean {
  if (scope.all || interaction.state === 'queued') return true;
  return (
    interaction.agentId !== null && scope.teamId !== null && teamOf(interaction.agentId) === scope.teamId
  );
}

const finished: ReadonlySet<InteractionState> = new Set([
  'ended',
  'abandoned',
  'overflowed',
  'released',
  'callback',
]);

interface Watcher {
  connection: SeatConnection;
  scope: () => LeadScope;
}

type Seen = { state: InteractionState; agentId: string | null };

/** Builds the feed; the routing composition root gives it to the service's sinks and the socket extension. */
export function createLeadInteractionFeed(directory: LeadFeedDirectory): LeadInteractionFeed {
  const watchers = new Map<string, Set<Watcher>>();
  // What each live interaction looked like at its last change, per tenant, so a change that takes it
  // out of a lead's view is told to the leads who saw it before. Kept only while someone watches.
  const lastSeen = new Map<string, Map<string, Seen>>();

  return {
    add(connection) {
      const { user } = connection.auth;
      if (user.role !== 'team_lead' && user.role !== 'admin') return () => undefined;
      // Read at each change: a lead moved to another team sees the new team's work from then on.
      const scope = (): LeadScope => ({
        all: user.role === 'admin',
        teamId: user.agentId === null ? null : directory.teamOf(user.tenantId, user.agentId),
      });
      const watcher: Watcher = { connection, scope };
      let set = watchers.get(user.tenantId);
      if (!set) watchers.set(user.tenantId, (set = new Set()));
      set.add(watcher);
      return () => {
        const current = watchers.get(user.tenantId);
        current?.delete(watcher);
        if (current?.size === 0) {
          watchers.delete(user.tenantId);
          lastSeen.delete(user.tenantId);
        }
      };
    },

    changed(tenantId, interactionId, view) {
      const set = watchers.get(tenantId);
      if (!set) return;
      const interaction = view();
      let seen = lastSeen.get(tenantId);
      if (!seen) lastSeen.set(tenantId, (seen = new Map()));
      const before = seen.get(interactionId);
      if (finished.has(interaction.state)) seen.delete(interactionId);
      else seen.set(interactionId, { state: interaction.state, agentId: interaction.agentId });
      const teamOf = (agentId: string) => directory.teamOf(tenantId, agentId);
      let update: ServerMessage | null = null;
      let revoked: ServerMessage | null = null;
      for (const watcher of set) {
        const scope = watcher.scope();
        if (inLeadScope(scope, interaction, teamOf)) {
          update ??= { type: 'interaction.update', interaction };
          watcher.connection.send(update);
        } else if (before === undefined || inLeadScope(scope, before, teamOf)) {
          // Unknown before (it changed while nobody watched): the id alone is safe to send.
          revoked ??= { type: 'interaction.revoked', interactionId, reason: outOfViewReason };
          watcher.connection.send(revoked);
        }
      }
    },
  };
}
