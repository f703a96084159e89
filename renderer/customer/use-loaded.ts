import { useEffect, useState } from 'react';

/** What a load shows: still loading, its value, or why it failed. */
export type Loaded<T> =
  { status: 'loading' } | { status: 'done'; value: T } | { status: 'failed'; error: unknown };

/**
 * Loads once per key and forgets an answer that arrives after the key changed, so a slow reply for
 * an earlier customer (or chat) never shows under the current one.
 */
export function useLoaded<T>(key: string, load: (key: string) => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    let live = true;
    load(key).then(
      (value) => live && setResult({ key, loaded: { status: 'done', value } }),
      (error: unknown) => live && setResult({ key, loaded: { status: 'failed', error } }),
    );
    return () => {
      live = false;
    };
  }, [key, load]);
  return result?.key === key ? result.loaded : { status: 'loading' };
}
