import { describe, expect, it } from 'vitest';
import { readCliConfig } from './config';

const read = (argv: string[], env: Record<string, string> = {}) => readCliConfig(argv, env, '/srv/seat');

describe('CLI configuration', () => {
  it('uses 127.0.0.1, port 7420 and ./data when nothing is given', () => {
    expect(read([])).toEqual({
      kind: 'config',
      config: { host: '127.0.0.1', port: 7420, dataDir: '/srv/seat/data', logLevel: 'info' },
    });
  });

  it('reads SEAT_HOST, SEAT_PORT, SEAT_DATA_DIR and SEAT_LOG_LEVEL', () => {
    expect(
      read([], {
        SEAT_HOST: '0.0.0.0',
        SEAT_PORT: '8080',
        SEAT_DATA_DIR: '/var/seat',
        SEAT_LOG_LEVEL: 'warn',
      }),
    ).toEqual({
      kind: 'config',
      config: { host: '0.0.0.0', port: 8080, dataDir: '/var/seat', logLevel: 'warn' },
    });
  });

  it('lets flags win over the environment', () => {
    const result = read(['--port', '0', '--host=localhost', '--data-dir', 'tmp'], {
      SEAT_PORT: '8080',
      SEAT_HOST: '0.0.0.0',
    });
    expect(result).toEqual({
      kind: 'config',
      config: { host: 'localhost', port: 0, dataDir: '/srv/seat/tmp', logLevel: 'info' },
    });
  });

  it('refuses a port that is not a number or out of range, naming where it came from', () => {
    const abc = read(['--port', 'abc']);
    expect(abc.kind).toBe('error');
    expect(abc.kind === 'error' && abc.message).toMatch(/--port.*'abc'/);
    const big = read([], { SEAT_PORT: '70000' });
    expect(big.kind === 'error' && big.message).toMatch(/SEAT_PORT.*'70000'/);
    expect(read(['--port', '-1']).kind).toBe('error');
  });

  it('refuses unknown flags, a bad log level and a host with spaces', () => {
    expect(read(['--prot', '1']).kind).toBe('error');
    expect(read(['--log-level', 'loud']).kind).toBe('error');
    expect(read(['--host', 'my host']).kind).toBe('error');
  });

  it('answers --help with the usage text', () => {
    const help = read(['--help']);
    expect(help.kind).toBe('help');
    expect(help.kind === 'help' && help.text).toContain('SEAT_DATA_DIR');
  });
});

describe('inbound SMTP port', () => {
  it('is off unless SEAT_SMTP_PORT or --smtp-port is given, the flag winning, and refuses a bad port', () => {
    expect((read([]) as { config: { smtpPort?: number } }).config.smtpPort).toBeUndefined();
    expect(read([], { SEAT_SMTP_PORT: '2525' })).toMatchObject({
      kind: 'config',
      config: { smtpPort: 2525 },
    });
    expect(read(['--smtp-port', '0'], { SEAT_SMTP_PORT: '2525' })).toMatchObject({
      kind: 'config',
      config: { smtpPort: 0 },
    });
    expect(read([], { SEAT_SMTP_PORT: 'mail' })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('SEAT_SMTP_PORT'),
    });
  });
});

describe('outbound SMTP relay', () => {
  it('is unset by default, read from SEAT_SMTP_RELAY or --smtp-relay (flag winning), and refuses a value without a usable port', () => {
    expect((read([]) as { config: { smtpRelay?: unknown } }).config.smtpRelay).toBeUndefined();
    expect(read([], { SEAT_SMTP_RELAY: 'mail.example.com:25' })).toMatchObject({
      kind: 'config',
      config: { smtpRelay: { host: 'mail.example.com', port: 25 } },
    });
    expect(read(['--smtp-relay', '127.0.0.1:2526'], { SEAT_SMTP_RELAY: 'x:25' })).toMatchObject({
      kind: 'config',
      config: { smtpRelay: { host: '127.0.0.1', port: 2526 } },
    });
    expect(read(['--smtp-relay', '[::1]:587'])).toMatchObject({
      config: { smtpRelay: { host: '::1', port: 587 } },
    });
    for (const bad of ['mail.example.com', 'host:0', 'host:70000', 'a b:25', ':25']) {
      expect(read(['--smtp-relay', bad])).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('--smtp-relay'),
      });
    }
  });
});
