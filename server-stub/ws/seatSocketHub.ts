import type { ServerMessage } from '@contract/ws';
import type { SeatConnection } from './seatConnection';

/** Every open seat socket of this server, found by agent or session; no module-level state. */
export interface SeatSocketHub {
  /** Tracks a connection; returns the function that forgets it. */
  add(connection: SeatConnection): () => void;
  /** Sends to the sockets of one agent of one tenant only. */
  sendToAgent(tenantId: string, agentId: string, message: ServerMessage): number;
  /** Closes every socket opened with the session. */
  closeSession(sessionId: string, code: number, reason: string): void;
  /** Closes every socket, then terminates the ones still open after `graceMs`. */
  closeAll(code: number, reason: string, graceMs: number): Promise<void>;
  /** The open connections, for heartbeat and expiry sweeps. */
  connections(): readonly SeatConnection[];
}

/** Creates an empty hub. */
export function createSeatSocketHub(): SeatSocketHub {
  const open = new Set<SeatConnection>();
  // Indexed by tenant and agent: with thousands of seats, routing events must not scan them all.
  const byAgent = new Map<string, Set<SeatConnection>>();
  const agentKey = (tenantId: string, agentId: string) => `${tenantId}\u0000${agentId}`;
  return {
    add(connection) {
      open.add(connection);
      const { tenantId, agentId } = connection.auth.user;
      const key = agentId === null ? null : agentKey(tenantId, agentId);
      if (key !== null) {
        let set = byAgent.get(key);
        if (!set) byAgent.set(key, (set = new Set()));
        set.add(connection);
      }
      return () => {
        open.delete(connection);
        if (key === null) return;
        const set = byAgent.get(key);
        set?.delete(connection);
        if (set?.size === 0) byAgent.delete(key);
      };
    },
    sendToAgent(tenantId, agentId, message) {
      const set = byAgent.get(agentKey(tenantId, agentId));
      if (!set) return 0;
      for (const c of set) c.send(message);
      return set.size;
    },
    closeSession(sessionId, code, reason) {
      for (const c of [...open]) if (c.auth.sessionId === sessionId) c.close(code, reason);
    },
    async closeAll(code, reason, graceMs) {
      const closing = [...open];
      for (const c of closing) c.close(code, reason);
      if (closing.length === 0) return;
      // A client that never answers the close frame must not hold the shutdown hostage.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(closing.map((c) => c.closed)), grace]);
      clearTimeout(timer);
      for (const c of closing) c.terminate();
    },
    connections: () => [...open],
  };
}
