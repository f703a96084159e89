import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AgentStateService } from './agents/agentStateService';
import { createAuthService, type AuthService } from './auth/authService';
import { createLoginRateLimiter } from './auth/loginRateLimiter';
import { registerAccessControl } from './http/accessControl';
import { registerDocs } from './http/docs';
import { registerErrorHandling } from './http/errorHandling';
import { registerJsonBodyOnly } from './http/jsonBody';
import { registerAuthRoutes } from './http/routes/auth';
import { registerDirectoryRoutes } from './http/routes/directory';
import { registerHealthRoute } from './http/routes/health';
import { registerWebRoot } from './http/webRoot';
import { loggerOptions } from './logger';
import { seatServerOptionsSchema, type ResolvedSeatServerOptions, type SeatServerOptions } from './options';
import { openSqliteStore, type SeatStore } from './store/database';
import { migrateToLatest } from './store/migrate';
import { seedDemoTenant } from './store/seed/demoSeed';
import { createRouting, type Routing } from './interactions/routing';
import { registerSeatSocket, registerWebSocketSupport } from './ws/seatSocketRoute';
import { createSeatSocketHub, type SeatSocketHub } from './ws/seatSocketHub';
import { registerSipEdge } from './channels/sip/sipSocketRoute';
import type { SipEdge } from './channels/sip/edge';
import { createEmailChannel, type EmailChannel } from './channels/email/emailChannel';
import { createWebchatChannel, type WebchatChannel } from './channels/webchat/webchatChannel';
import { createCannedStore } from './canned/cannedStore';
import { registerCannedRoutes } from './canned/cannedRoutes';
import { seedDemoCanned } from './canned/demoCanned';
import { registerCustomerContacts } from './customers/customerContacts';

/** A running (or ready to run) Seat server with its services, for the CLI and for tests. */
export interface SeatServer {
  app: FastifyInstance;
  store: SeatStore;
  auth: AuthService;
  agentStates: AgentStateService;
  /** The router of every tenant behind its log, statistics and wallboards. */
  routing: Routing;
  sockets: SeatSocketHub;
  /** The SIP-over-WebSocket edge (GET /sip): registrar and calls. */
  sip: SipEdge;
  /** The e-mail channel: mailboxes, SMTP receiver, IMAP pollers, threads and replies. */
  email: EmailChannel;
  /** The web chat channel: customer chat socket (GET /webchat/ws), chat routes, seat chat frames. */
  webchat: WebchatChannel;
  options: ResolvedSeatServerOptions;
  /** Starts listening; resolves with the real address (port 0 picks a free one). */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting, closes sockets with 1001, then closes the database. Safe to call twice. */
  close(): Promise<void>;
}

function packageVersion(): string {
  const raw = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(raw) as { version?: string }).version ?? '0.0.0';
}

/** Validates the options, opens and migrates the store, seeds the demo tenant and builds the app. */
export async function createSeatServer(input: SeatServerOptions): Promise<SeatServer> {
  const parsed = seatServerOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      `Invalid Seat server options: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  const options = parsed.data;
  const { now, generateId } = options;

  const store = openSqliteStore(options.dataDir);
  try {
    await migrateToLatest(store.db);
    if (options.seedDemo) await seedDemoTenant(store.db, { now, scrypt: options.scrypt });
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = Fastify({
    logger: loggerOptions(options.logLevel, options.logStream),
    bodyLimit: options.bodyLimitBytes,
    genReqId: () => generateId(),
    // Zod checks input in the handlers (see http/route.ts); the JSON Schemas on routes are for /docs.
    ajv: { customOptions: { strict: false } },
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const auth = createAuthService({
    db: store.db,
    now,
    generateId,
    generateToken: options.generateToken,
    sessionTtlMs: options.sessionTtlMs,
    rateLimiter: createLoginRateLimiter(now, options.loginRateLimit),
    scrypt: options.scrypt,
  });
  const sockets = createSeatSocketHub();
  let sipEdge: SipEdge | null = null;
  let webchat: WebchatChannel | null = null;
  // The router owns agent state (reserved, busy, wrap-up follow the work); the seat socket and the
  // directory see it through the same AgentStateService interface as before.
  const routing = createRouting({
    store,
    now,
    generateId,
    sendToAgent: (tenantId, agentId, frame) => {
      sockets.sendToAgent(tenantId, agentId, frame);
      // Voice offers also become SIP INVITEs to the agent's softphone (the edge is built below).
      sipEdge?.agentFrame(tenantId, agentId, frame);
      // Chat offers also become begin-of-service notices with a one-time join token.
      webchat?.agentFrame(tenantId, agentId, frame);
    },
    ...(options.durability ? { durability: options.durability } : {}),
    wallboardIntervalMs: options.wallboardIntervalMs,
    onError: (error, where) => app.log.error({ err: error }, `${where} failed`),
  });
  const agentStates: AgentStateService = routing.agentStates;
  const startedAt = now();

  registerJsonBodyOnly(app);
  await registerWebSocketSupport(app, sockets, options.closeGraceMs);
  registerAccessControl(app, auth);
  await registerDocs(app, packageVersion());
  const fallback = await registerWebRoot(app, options.webRoot, options.widgetRoot);
  registerErrorHandling(app, fallback);
  registerHealthRoute(app, { db: store.db, now, startedAt });
  registerAuthRoutes(app, auth);
  registerDirectoryRoutes(app, store.db);
  // A web chat accepted over HTTP waits for the customer's token check, as over the seat socket.
  routing.registerRoutes(app, (tenantId, interactionId, agentId) =>
    webchat?.service.isChat(tenantId, interactionId)
      ? webchat.service.acceptFromInbox(tenantId, interactionId, agentId)
      : null,
  );
  const sip = registerSipEdge(app, {
    sqlite: store.sqlite,
    routing: routing.service,
    now,
    generateId,
    trunk: options.sipTrunk,
    heartbeatMs: options.sipHeartbeatMs,
  });
  sipEdge = sip.edge;
  const email = createEmailChannel({
    store,
    service: routing.service,
    sendToAgent: (tenantId, agentId, frame) => sockets.sendToAgent(tenantId, agentId, frame),
    options: options.email,
    seedDemo: options.seedDemo,
    now,
    generateId,
    onError: (error, where) => app.log.error({ err: error }, `${where} failed`),
  });
  email.registerRoutes(app);
  const chat = createWebchatChannel({
    store,
    service: routing.service,
    sendToAgent: (tenantId, agentId, frame) => sockets.sendToAgent(tenantId, agentId, frame),
    mailboxesOf: (tenantId) => email.mailboxes.list(tenantId),
    relayOf: (mailbox) => mailbox.settings.relay ?? options.email.defaultRelay,
    options: options.webchat,
    now,
    generateId,
    onError: (error, where) => app.log.error({ err: error }, `${where} failed`),
  });
  webchat = chat;
  chat.registerRoutes(app);
  const canned = createCannedStore(store.sqlite, { now, newId: generateId });
  if (options.seedDemo)
    seedDemoCanned(
      canned,
      store.sqlite.prepare("SELECT 1 FROM tenants WHERE id = 'tenant-demo'").get() !== undefined,
    );
  registerCannedRoutes(app, { store: canned });
  registerCustomerContacts(app, store.sqlite, now);
  const stopSeatSocket = registerSeatSocket(app, sockets, {
    auth,
    agentStates,
    now,
    generateId,
    heartbeatMs: options.heartbeatMs,
    // The chat extension first: it answers a web chat's interaction.accept only after the token check.
    extensions: [chat.socketExtension, routing.socketExtension],
  });
  let stopRouting: () => void = () => {};
  try {
    // Replays the interaction log before anyone can connect, so the first frame is already right.
    stopRouting = await routing.start();
  } catch (error) {
    await store.close();
    throw error;
  }
  let stopEmail: () => Promise<void> = async () => {};
  try {
    // After the log replay: mail a crash left unrouted is routed against the rebuilt engine.
    stopEmail = await email.start();
  } catch (error) {
    stopRouting();
    stopSeatSocket();
    sip.dispose();
    await store.close();
    throw error;
  }
  const stopWebchat = chat.start();
  app.addHook('preClose', async () => {
    stopWebchat();
    await stopEmail();
    stopRouting();
    stopSeatSocket();
    sip.dispose();
  });
  app.addHook('onClose', async () => store.close());

  let closing: Promise<void> | null = null;
  return {
    app,
    store,
    auth,
    agentStates,
    routing,
    sockets,
    sip: sip.edge,
    email,
    webchat: chat,
    options,
    async listen() {
      await app.listen({ host: options.host, port: options.port });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { host: address.address, port: address.port, url: `http://${host}:${address.port}` };
    },
    close() {
      closing ??= app.close();
      return closing;
    },
  };
}
