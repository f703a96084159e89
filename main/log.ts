/** Where main's services report what a user or IT might need to know afterwards. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that writes one JSON line per entry to the given sink (stdout/stderr in the app). */
export function createLineLogger(write: (line: string) => void, now: () => Date): Logger {
  const entry =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      write(JSON.stringify({ time: now().toISOString(), level, message, ...fields }));
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}
