// Ports of the e-mail e2e, derived from the run's server port so two runs on one machine
// (SEAT_E2E_PORT) never share them: the server's SMTP receiver, and the relay sink the e-mail spec
// starts, where the server sends replies and auto-acknowledgements.

/** The e2e server's HTTP port. */
export const e2ePort = Number(process.env.SEAT_E2E_PORT ?? 7499);
/** The server's inbound SMTP port (--smtp-port). */
export const e2eSmtpPort = e2ePort + 26;
/** The relay sink's port (--smtp-relay 127.0.0.1:…), started by e2e/email.spec.ts. */
export const e2eRelaySinkPort = e2ePort + 27;
