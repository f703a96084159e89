import type { ServerMessage } from '@contract/ws';

// Who is connected, indexed the way events are addressed: by tenant and agent for seat events, by
// tenant for wallboard subscribers. A frame is serialised once and written to each socket it
// concerns; nobody else's socket is ever looked at.

/** The part of a WebSocket the registry needs. */
export interface SeatSocket {
  send(data: string): void;
}

/** One connected seat: its socket and who is signed in on it. */
export interface SeatConnection {
  socket: SeatSocket;
  tenantId: string;
  /** The agent the user acts as, or null (admins). */
  agentId: string | null;
}

/** Sockets by tenant and agent, and wallboard subscribers by tenant. */
export interface SeatRegistry {
  /** Registers a connection; the returned disposer removes it (and its wallboard subscription). */
  add(connection: SeatConnection): () => void;
  /** Sends a frame to every socket of one agent; returns how many sockets got it. */
  toAgent(tenantId: string, agentId: string, frame: ServerMessage): number;
  /** Subscribes a connection to its tenant's wallboard frames; the disposer unsubscribes. */
  subscribeWallboard(connection: SeatConnection): () => void;
  /** Sends a frame to every wallboard subscriber of one tenant; returns how many sockets got it. */
  toWallboards(tenantId: string, frame: ServerMessage): number;
  /** Tenants with at least one wallboard subscriber. */
  wallboardTenants(): string[];
  /** Whether an agent has at least one open seat. */
  isConnected(tenantId: string, agentId: string): boolean;
}

/** Creates an empty registry. */
export function createSeatRegistry(): SeatRegistry {
  const byAgent = new Map<string, Set<SeatConnection>>();
  const wallboards = new Map<string, Set<SeatConnection>>();
  const agentKey = (tenantId: string, agentId: string) => `${tenantId}\u0000${agentId}`;

  const removeFrom = <K>(map: Map<K, Set<SeatConnection>>, key: K, connection: SeatConnection) => {
    const set = map.get(key);
    if (!set) return;
    set.delete(connection);
    if (set.size === 0) map.delete(key);
  };
  const writeAll = (set: Set<SeatConnection> | undefined, frame: ServerMessage) => {
    if (!set || set.size === 0) return 0;
    const text = JSON.stringify(frame);
    for (const connection of set) connection.socket.send(text);
    return set.size;
  };

  return {
    add(connection) {
      if (connection.agentId !== null) {
        const key = agentKey(connection.tenantId, connection.agentId);
        let set = byAgent.get(key);
        if (!set) byAgent.set(key, (set = new Set()));
        set.add(connection);
      }
      return () => {
        if (connection.agentId !== null) removeFrom(byAgent, agentKey(connection.tenantId, connection.agentId), connection);
        removeFrom(wallboards, connection.tenantId, connection);
      };
    },
    toAgent(tenantId, agentId, frame) {
      return writeAll(byAgent.get(agentKey(tenantId, agentId)), frame);
    },
    subscribeWallboard(connection) {
      let set = wallboards.get(connection.tenantId);
      if (!set) wallboards.set(connection.tenantId, (set = new Set()));
      set.add(connection);
      return () => removeFrom(wallboards, connection.tenantId, connection);
    },
    toWallboards(tenantId, frame) {
      return writeAll(wallboards.get(tenantId), frame);
    },
    wallboardTenants() {
      return [...wallboards.keys()];
    },
    isConnected(tenantId, agentId) {
      return byAgent.has(agentKey(tenantId, agentId));
    },
  };
}
