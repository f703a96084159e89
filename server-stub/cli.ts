// Entry of the Seat server: `npm run server -- [--host] [--port] [--data-dir]`. Prints one line when
// ready and shuts down gracefully on SIGINT/SIGTERM (stop accepting, close sockets with 1001, close
// the database), exiting 0. Bad flags or environment exit 2 with the reason on stderr.
import { createSeatServer } from './app';
import { readCliConfig } from './config';

async function main(): Promise<number> {
  const result = readCliConfig(process.argv.slice(2), process.env, process.cwd());
  if (result.kind === 'help') {
    process.stdout.write(result.text);
    return 0;
  }
  if (result.kind === 'error') {
    process.stderr.write(`seat server: ${result.message}\n`);
    return 2;
  }
  const { config } = result;
  const server = await createSeatServer({
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    logLevel: config.logLevel,
    ...(config.sipTrunk ? { sipTrunk: config.sipTrunk } : {}),
    ...(config.smtpPort !== undefined || config.smtpRelay
      ? {
          email: {
            ...(config.smtpPort !== undefined ? { smtp: { host: config.host, port: config.smtpPort } } : {}),
            ...(config.smtpRelay ? { defaultRelay: config.smtpRelay } : {}),
          },
        }
      : {}),
  });
  const { url } = await server.listen();
  process.stdout.write(`Seat server listening on ${url}\n`);
  const smtp = server.email.smtpAddress();
  if (smtp) process.stdout.write(`Seat SMTP receiver on ${smtp.host}:${smtp.port}\n`);

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      server.app.log.info({ signal }, 'shutting down');
      server.close().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`seat server: shutdown failed: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`seat server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
