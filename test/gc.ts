/**
 * A full garbage collection for tests that measure heap or CPU (the unit tests' large inputs, the editor's perf
 * test): V8's `gc`, switched on at run time (flag + a fresh context), so node need not start with --expose-gc.
 * Undefined where the host does not allow it.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

export function gcFunction(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose_gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
