/**
 * The calling thread's CPU clock in ms: Linux's scheduler run time of the thread (/proc/thread-self/schedstat, in
 * ns; it moves in scheduler ticks, 4 ms at HZ=250), or undefined where there is none. Next to a wall time it tells a
 * thread that worked from one that waited for a core. Used by the analysis worker (each answer's CPU time) and the
 * analysis cache (the host's tasks, for tests).
 */
import { readFileSync } from 'fs';

export function threadCpuClock(): (() => number) | undefined {
  const read = () => Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  try {
    return Number.isFinite(read()) ? read : undefined;
  } catch {
    return undefined; // not Linux
  }
}
