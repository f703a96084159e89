import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** The latest value of an observable, re-rendering on each new one; unsubscribes on unmount. */
export function useObservable<T>(source$: Observable<T>, initial: T): T {
  const [value, setValue] = useState<{ current: T }>({ current: initial });
  useEffect(() => {
    const subscription = source$.subscribe((next) => setValue({ current: next }));
    return () => subscription.unsubscribe();
  }, [source$]);
  return value.current;
}
