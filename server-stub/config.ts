import path from 'node:path';
import { parseArgs } from 'node:util';

/** What the command line and environment decide; everything else keeps its default. */
export interface CliConfig {
  host: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  /** Port of the inbound SMTP receiver; absent leaves it off. */
  smtpPort?: number;
  /** Default outbound relay for replies of mailboxes that configure none; absent leaves replies unsent. */
  smtpRelay?: { host: string; port: number };
  /** Outbound SIP trunk (a SIP-over-WebSocket gateway) for numbers agents dial; absent: numbers get 404. */
  sipTrunk?: { url: string; domain: string };
}

/** The outcome of reading flags and environment: a config, a help request, or a message for stderr. */
export type ConfigResult =
  { kind: 'config'; config: CliConfig } | { kind: 'help'; text: string } | { kind: 'error'; message: string };

export const usage = `Usage: npm run server -- [options]

Options (each also settable by environment; flags win):
  --host <address>     SEAT_HOST       address to listen on (default 127.0.0.1)
  --port <0-65535>     SEAT_PORT       HTTP and WebSocket port; 0 picks a free one (default 7420)
  --data-dir <path>    SEAT_DATA_DIR   folder for the SQLite database (default ./data)
  --log-level <level>  SEAT_LOG_LEVEL  fatal, error, warn, info, debug, trace or silent (default info)
  --smtp-port <0-65535> SEAT_SMTP_PORT inbound e-mail (SMTP) port on the same host; off when unset
  --smtp-relay <host:port> SEAT_SMTP_RELAY relay for e-mail replies of mailboxes without their own
  --sip-trunk <ws-url> SEAT_SIP_TRUNK  SIP-over-WebSocket gateway (ws:// or wss://) for numbers agents
                                       dial; the Request-URI host is the URL's host unless
  --sip-trunk-domain <host> SEAT_SIP_TRUNK_DOMAIN says otherwise. Without a trunk a number gets 404
  --help                               show this text
`;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** pino's levels, plus silent. */
export type LogLevel = (typeof logLevels)[number];
const isLogLevel = (value: string): value is LogLevel => (logLevels as readonly string[]).includes(value);

function parsePort(raw: string, source: string): number | string {
  if (!/^\d{1,5}$/.test(raw.trim())) return `${source} must be a whole number from 0 to 65535, got '${raw}'.`;
  const port = Number(raw.trim());
  return port <= 65535 ? port : `${source} must be a whole number from 0 to 65535, got '${raw}'.`;
}

/** Reads flags (`--host`, `--port`, `--data-dir`, `--log-level`, `--help`) over SEAT_* variables over defaults. */
export function readCliConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ConfigResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'log-level': { type: 'string' },
        'smtp-port': { type: 'string' },
        'smtp-relay': { type: 'string' },
        'sip-trunk': { type: 'string' },
        'sip-trunk-domain': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: `${(error as Error).message}\n\n${usage}` };
  }
  if (values['help']) return { kind: 'help', text: usage };

  const pick = (flag: string, variable: string): { value: string; source: string } | null => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${flag}` };
    const fromEnv = env[variable];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: variable };
    return null;
  };

  const host = pick('host', 'SEAT_HOST');
  if (host && !/^[A-Za-z0-9.:[\]-]+$/.test(host.value))
    return { kind: 'error', message: `${host.source} is not a host name or address: '${host.value}'.` };

  const portRaw = pick('port', 'SEAT_PORT');
  const port = portRaw ? parsePort(portRaw.value, portRaw.source) : 7420;
  if (typeof port === 'string') return { kind: 'error', message: port };

  const dataDir = pick('data-dir', 'SEAT_DATA_DIR');
  const logLevel = pick('log-level', 'SEAT_LOG_LEVEL');
  if (logLevel && !isLogLevel(logLevel.value)) {
    return {
      kind: 'error',
      message: `${logLevel.source} must be one of ${logLevels.join(', ')}, got '${logLevel.value}'.`,
    };
  }

  const smtpRaw = pick('smtp-port', 'SEAT_SMTP_PORT');
  const smtpPort = smtpRaw ? parsePort(smtpRaw.value, smtpRaw.source) : undefined;
  if (typeof smtpPort === 'string') return { kind: 'error', message: smtpPort };

  const relayRaw = pick('smtp-relay', 'SEAT_SMTP_RELAY');
  let smtpRelay: { host: string; port: number } | undefined;
  if (relayRaw) {
    const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/.exec(relayRaw.value.trim());
    const relayPort = match ? parsePort(match[2] ?? '', relayRaw.source) : null;
    if (!match || typeof relayPort !== 'number' || relayPort === 0)
      return {
        kind: 'error',
        message: `${relayRaw.source} must be host:port with a port from 1 to 65535, got '${relayRaw.value}'.`,
      };
    smtpRelay = { host: (match[1] ?? '').replace(/^\[|\]$/g, ''), port: relayPort };
  }

  const trunkRaw = pick('sip-trunk', 'SEAT_SIP_TRUNK');
  const trunkDomainRaw = pick('sip-trunk-domain', 'SEAT_SIP_TRUNK_DOMAIN');
  let sipTrunk: { url: string; domain: string } | undefined;
  if (trunkDomainRaw && !trunkRaw)
    return { kind: 'error', message: `${trunkDomainRaw.source} needs --sip-trunk (or SEAT_SIP_TRUNK).` };
  if (trunkRaw) {
    const url = URL.canParse(trunkRaw.value) ? new URL(trunkRaw.value) : null;
    if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:') || !url.hostname)
      return {
        kind: 'error',
        message: `${trunkRaw.source} must be a ws:// or wss:// URL of a SIP WebSocket, got '${trunkRaw.value}'.`,
      };
    const domain = (trunkDomainRaw?.value ?? url.hostname).trim().toLowerCase();
    if (!/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$|^\[[0-9a-f:.]+\]$/.test(domain))
      return {
        kind: 'error',
        message: `${trunkDomainRaw?.source ?? trunkRaw.source} is not a host name: '${domain}'.`,
      };
    sipTrunk = { url: url.toString(), domain };
  }

  return {
    kind: 'config',
    config: {
      host: host?.value ?? '127.0.0.1',
      port,
      dataDir: path.resolve(cwd, dataDir?.value ?? 'data'),
      logLevel: logLevel && isLogLevel(logLevel.value) ? logLevel.value : 'info',
      ...(smtpPort !== undefined ? { smtpPort } : {}),
      ...(smtpRelay ? { smtpRelay } : {}),
      ...(sipTrunk ? { sipTrunk } : {}),
    },
  };
}
