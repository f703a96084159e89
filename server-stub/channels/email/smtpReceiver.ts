import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Mailbox } from './mailboxConfig';

// The built-in SMTP receiver. Recipients are checked against the mailboxes at RCPT (550 for an
// unknown one), the size is announced and enforced (552), and the message is stored before the
// 250: when storing fails the sender gets a temporary 451 and keeps the message for a retry.
// Plain SMTP without AUTH or STARTTLS: it is meant to sit behind the site's MTA or on loopback.

/** Options of the receiver. */
export interface SmtpReceiverOptions {
  host: string;
  port: number;
  hostname: string;
  maxMessageBytes: number;
  mailboxOf(address: string): Mailbox | undefined;
  /** Stores (and routes) the message; must resolve only once it is durable. */
  deliver(raw: Buffer, mailboxes: Mailbox[]): Promise<void>;
  onError(error: unknown, where: string): void;
}

/** A listening receiver. */
export interface SmtpReceiver {
  address(): { host: string; port: number };
  close(): Promise<void>;
}

/** An Error carrying the SMTP reply code smtp-server sends. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Reads the DATA stream, keeping at most `limit` bytes (the rest is drained, not buffered). */
function readLimited(stream: SMTPServerDataStream, limit: number): Promise<{ raw: Buffer; tooBig: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () =>
      resolve({ raw: Buffer.concat(chunks), tooBig: size > limit || stream.sizeExceeded }),
    );
  });
}

/** Starts the receiver; resolves once it listens. */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    name: options.hostname,
    banner: 'Seat mail receiver',
    size: options.maxMessageBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: 100,
    socketTimeout: 60_000,
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= 100) return callback(smtpError(452, '4.5.3 Too many recipients'));
      const mailbox = options.mailboxOf(address.address);
      if (!mailbox) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
      return callback();
    },
    onData(stream, session, callback) {
      readLimited(stream, options.maxMessageBytes)
        .then(async ({ raw, tooBig }) => {
          if (tooBig)
            return callback(smtpError(552, `5.3.4 Message larger than ${options.maxMessageBytes} bytes`));
          const mailboxes = session.envelope.rcptTo.flatMap((r) => options.mailboxOf(r.address) ?? []);
          if (mailboxes.length === 0) return callback(smtpError(554, '5.5.1 No valid recipients'));
          try {
            await options.deliver(raw, mailboxes);
          } catch (error) {
            options.onError(error, 'storing an SMTP message');
            return callback(smtpError(451, '4.3.0 Could not store the message; try again later'));
          }
          return callback(null, 'Message stored');
        })
        .catch((error: unknown) => {
          options.onError(error, 'reading an SMTP message');
          callback(smtpError(451, '4.3.0 Could not read the message; try again later'));
        });
    },
  });
  server.on('error', (error) => options.onError(error, 'SMTP receiver'));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    address: () => ({ host: address.address, port: address.port }),
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}
