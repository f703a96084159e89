import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTsChild } from './childProcess';
import { measureEchoFloor } from './echoFloor';

describe('raw WebSocket echo floor', () => {
  it('measures round trips and throughput against an echo server in another process', async () => {
    const echo = await startTsChild(
      path.resolve('server-stub/bench/echoServer.ts'),
      [],
      /echo listening on (\d+)/,
    );
    try {
      const floor = await measureEchoFloor({
        url: `ws://127.0.0.1:${echo.match[1]}`,
        connections: 20,
        payloadBytes: 300,
        ratePerSecond: 200,
        pacedMs: 300,
        saturatedMs: 300,
        window: 2,
      });
      expect(floor.connections).toBe(20);
      expect(floor.roundTripP99Ms).toBeGreaterThan(0);
      expect(floor.roundTripP99Ms).toBeGreaterThanOrEqual(floor.roundTripP50Ms);
      expect(floor.throughputMessagesPerSecond).toBeGreaterThan(0);
    } finally {
      await echo.stop();
    }
  }, 30_000);
});
