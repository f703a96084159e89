// The command line of `npm start`: a few options of its own, everything else goes to the server.

export const startUsage = `Usage: npm start -- [--web] [--no-fetch-electron] [server options such as --port 7500 --host 127.0.0.1]
  --web                do not launch the desktop app, serve the web seat only
  --no-fetch-electron  where the Electron binary is missing, do not try to download it (by default the
                       download is tried once, bounded by --fetch-timeout seconds, default 300)
  --help               show this help`;

/**
 * Splits `npm start` arguments into its own options and the ones passed to the server.
 * @param {string[]} argv
 * @returns {{ help: boolean, web: boolean, fetchElectron: boolean, fetchTimeoutMs: number, serverArgs: string[] }}
 */
export function parseStartArgs(argv) {
  const options = { help: false, web: false, fetchElectron: true, fetchTimeoutMs: 300_000, serverArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--web') options.web = true;
    else if (arg === '--fetch-electron') options.fetchElectron = true;
    else if (arg === '--no-fetch-electron') options.fetchElectron = false;
    else if (arg === '--fetch-timeout' || arg.startsWith('--fetch-timeout=')) {
      const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const seconds = Number(raw);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
        throw new Error(`--fetch-timeout needs whole seconds from 1 to 3600, not ${raw}`);
      options.fetchTimeoutMs = seconds * 1000;
    } else options.serverArgs.push(arg);
  }
  return options;
}

/**
 * The URL the server printed when it became ready, or null for any other line.
 * @param {string} line
 */
export function readyUrlFromLine(line) {
  const match = /Seat server listening on (https?:\/\/[^\s]+)/.exec(line);
  if (!match) return null;
  try {
    const url = new URL(match[1]);
    // A server bound to every interface is reached on loopback from this machine.
    if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
    return url.href;
  } catch {
    return null;
  }
}

/** The one line printed where the desktop app cannot start. */
export function webSeatLine(reason, url) {
  return `Electron binary not available (${reason}); open the web seat at ${url}`;
}
