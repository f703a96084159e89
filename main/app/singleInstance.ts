/** The part of Electron's app the single-instance lock uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
}

/**
 * Takes the single-instance lock. Returns false when another seat is already running: the caller
 * then quits, and the first instance is told through onSecondInstance with the new argv (so a
 * `tel:` link that started the second instance can be dialled by the first).
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  onSecondInstance: (argv: string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => onSecondInstance(argv));
  return true;
}

/**
 * The `tel:` link among command-line arguments, if any. The seam for click-to-dial: the OS starts
 * the app with the link as an argument; dialling it is the softphone's job, wired in a later issue.
 */
export function telLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (!/^tel:/i.test(arg) || arg.length > 256) continue;
    try {
      const url = new URL(arg);
      if (url.protocol === 'tel:' && /^[+0-9*#(). -]+$/.test(decodeURIComponent(url.pathname)))
        return url.href;
    } catch {
      continue;
    }
  }
  return null;
}
