/**
 * Leading and trailing edge coalescing of change events, for the live check.
 *
 * The first event after a quiet spell runs at once (a single edit is checked immediately); events that
 * arrive while that run is under way or within `ms` after it started are gathered and run once, together,
 * at the end of the window (and only after the previous run has finished, so runs never overlap and
 * their results arrive in order). A long burst therefore costs one run per window, not one per event.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface Coalescer<T> {
  push(item: T): void;
  /** Drops what is gathered and stops; a run under way finishes but nothing follows it. */
  cancel(): void;
  /** Drops what is gathered and goes on (something else covered it: a full read); later items run as usual. */
  discard(): void;
  /** Runs started so far. */
  readonly runs: number;
}

export function createCoalescer<T>(
  ms: number,
  run: (batch: T[]) => void | Promise<void>,
  onError: (e: unknown) => void,
  timers: Timers = realTimers
): Coalescer<T> {
  let pending: T[] = [];
  let timer: unknown;
  let running = false;
  let cancelled = false;
  let runs = 0;

  const windowEnd = () => {
    timer = undefined;
    if (!running) fire();
  };
  const done = () => {
    running = false;
    if (timer === undefined) fire();
  };
  function fire() {
    if (cancelled || pending.length === 0) return;
    const batch = pending;
    pending = [];
    running = true;
    runs++;
    timer = timers.setTimeout(windowEnd, ms);
    let p: void | Promise<void>;
    try {
      p = run(batch);
    } catch (e) {
      onError(e);
      done();
      return;
    }
    Promise.resolve(p).then(done, (e) => {
      onError(e);
      done();
    });
  }

  return {
    push(item: T) {
      if (cancelled) return;
      pending.push(item);
      if (timer === undefined && !running) fire();
    },
    discard() {
      pending = [];
    },
    cancel() {
      cancelled = true;
      pending = [];
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
    get runs() {
      return runs;
    },
  };
}
