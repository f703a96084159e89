import { spawn, type ChildProcess } from 'node:child_process';

/** A child process started for a benchmark or a test, with the line that said it is ready. */
export interface StartedChild {
  child: ChildProcess;
  match: RegExpMatchArray;
  /** Sends `signal` (SIGTERM by default) and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Writes `line` to the child's stdin and resolves with the next stdout line matching `reply`. */
  ask(line: string, reply: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** Spawns `command args` and waits (up to `timeoutMs`) for a stdout line matching `ready`. */
export function startChild(
  command: string,
  args: string[],
  ready: RegExp,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<StartedChild> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const ask = (line: string, reply: RegExp, timeoutMs = 10_000) =>
    new Promise<RegExpMatchArray>((resolveReply, rejectReply) => {
      let text = '';
      const timer = setTimeout(() => {
        child.stdout?.off('data', onReply);
        rejectReply(new Error(`no reply matching ${reply} to '${line}'`));
      }, timeoutMs);
      const onReply = (chunk: Buffer) => {
        text += chunk.toString();
        const match = text.match(reply);
        if (!match) return;
        clearTimeout(timer);
        child.stdout?.off('data', onReply);
        resolveReply(match);
      };
      child.stdout?.on('data', onReply);
      child.stdin?.write(`${line}\n`);
    });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} was not ready in time; stderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, match, stop, ask });
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready; stderr: ${stderr}`));
    });
  });
}

/**
 * Starts a TypeScript entry in ONE node process (tsx as a loader, not the tsx CLI, which would put
 * a wrapper process in between): a SIGKILL then really kills the program, as kill -9 should.
 */
export function startTsChild(
  script: string,
  args: string[],
  ready: RegExp,
  options: { cwd?: string; tsconfig?: string; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<StartedChild> {
  return startChild(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', script, ...args],
    ready,
    {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      env: options.tsconfig ? { TSX_TSCONFIG_PATH: options.tsconfig } : {},
    },
  );
}
