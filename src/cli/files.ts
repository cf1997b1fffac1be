/**
 * Expands FILE|DIR arguments into the list of dumps to clean and where each is written, with the safety
 * rules: never an output over an input (unless --in-place), no symlink followed out of a given folder,
 * no two inputs written to the same output, missing/unreadable inputs refused before anything is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';
import type { Task } from './engine';
import { errorText } from './util';

export interface Plan {
  tasks: Task[];
  /** Entries found in folders but not cleaned, with the reason (e.g. a symlink out of the folder). */
  skipped: { path: string; reason: string }[];
}

export interface PlanOptions {
  out: string | null;
  inPlace: boolean;
  recursive: boolean;
}

function isInside(child: string, root: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Real path of `p`, or of its nearest existing ancestor joined with the rest (for outputs not yet created). */
function realish(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** `realish` of directories, memoised for one plan (many outputs share a folder), with whether the folder exists. */
class DirCache {
  private readonly m = new Map<string, { real: string; exists: boolean }>();
  get(dir: string): { real: string; exists: boolean } {
    let r = this.m.get(dir);
    if (!r) {
      const real = realish(dir);
      r = { real, exists: fs.existsSync(real) };
      this.m.set(dir, r);
    }
    return r;
  }
}

/** Same as `realish(target)` for a file whose folder's `realish` is known (one lstat instead of a failing realpath). */
function realishIn(target: string, dir: { real: string; exists: boolean }): string {
  if (!dir.exists) return path.join(dir.real, path.basename(target));
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (st && st.isSymbolicLink()) return realish(target);
  return path.join(dir.real, path.basename(target));
}

export function planClean(inputs: readonly string[], opts: PlanOptions): Plan {
  if (inputs.length === 0) throw new UsageError('no input given (FILE, DIR or -)');
  if (!opts.inPlace && !opts.out) throw new UsageError('say where to write: --out DIR, or --in-place to rewrite the inputs');
  if (opts.inPlace && opts.out) throw new UsageError('--in-place and --out cannot be combined');
  const outReal = opts.out ? realish(opts.out) : null;
  if (outReal && fs.existsSync(outReal) && !fs.statSync(outReal).isDirectory()) throw new UsageError(`--out ${opts.out}: not a directory`);

  const skipped: Plan['skipped'] = [];
  const found: { path: string; real: string; rel: string }[] = [];

  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      throw new UsageError(`${input}: ${errorText(e)}`);
    }
    if (st.isDirectory()) {
      const root = fs.realpathSync(input);
      walk(input, root, root, '', opts.recursive, outReal, found, skipped);
    } else if (st.isFile()) {
      found.push({ path: input, real: fs.realpathSync(input), rel: path.basename(input) });
    } else {
      throw new UsageError(`${input}: not a regular file or directory`);
    }
  }
  // Readable? (checked before anything is written)
  for (const f of found) {
    try {
      fs.accessSync(f.path, fs.constants.R_OK);
    } catch (e) {
      throw new UsageError(`${f.path}: ${errorText(e)}`);
    }
  }

  const tasks: Task[] = [];
  const inputReals = new Set(found.map((f) => f.real));
  const targets = new Map<string, string>();
  const dirs = new DirCache();
  for (const f of found) {
    let target: string;
    if (opts.inPlace) {
      target = f.real;
      if (targets.has(target)) {
        skipped.push({ path: f.path, reason: `same file as ${targets.get(target)}; cleaned once` });
        continue;
      }
    } else {
      target = path.join(outReal!, f.rel);
      const dir = dirs.get(path.dirname(target));
      const t = realishIn(target, dir);
      if (inputReals.has(t)) throw new UsageError(`refusing to overwrite the input ${f.path === t ? f.path : t} (output ${target}); use --in-place to rewrite inputs`);
      if (!isInside(dir.real, outReal!)) throw new UsageError(`output ${target} would leave ${opts.out} through a symbolic link; refused`);
      if (targets.has(t)) throw new UsageError(`${f.path} and ${targets.get(t)} would both be written to ${target}`);
      target = t;
    }
    targets.set(target, f.path);
    tasks.push({ index: tasks.length, path: f.path, target, inPlace: opts.inPlace });
  }
  return { tasks, skipped };
}

/** `realDir` is the real path of `dir`: a plain file or folder in it has the real path realDir/name. */
function walk(
  dir: string, root: string, realDir: string, rel: string, recursive: boolean, outReal: string | null,
  found: { path: string; real: string; rel: string }[], skipped: Plan['skipped'],
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`${dir}: ${errorText(e)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // hidden files and our own temporary files
    const p = path.join(dir, e.name);
    const r = rel ? path.join(rel, e.name) : e.name;
    if (e.isSymbolicLink()) {
      let real: string;
      try {
        real = fs.realpathSync(p);
      } catch {
        if (/\.txt$/i.test(e.name)) skipped.push({ path: p, reason: 'broken symbolic link' });
        continue;
      }
      if (!isInside(real, root)) {
        skipped.push({ path: p, reason: 'symbolic link leads out of the folder; not followed' });
        continue;
      }
      const st = fs.statSync(real);
      if (st.isDirectory()) {
        if (recursive) skipped.push({ path: p, reason: 'symbolic link to a folder; not followed' });
        continue;
      }
      if (st.isFile() && /\.txt$/i.test(e.name)) found.push({ path: p, real, rel: r });
      continue;
    }
    if (e.isDirectory()) {
      if (!recursive) continue;
      const real = path.join(realDir, e.name);
      if (outReal && real === outReal) continue; // do not clean our own output
      walk(p, root, real, r, recursive, outReal, found, skipped);
    } else if (e.isFile() && /\.txt$/i.test(e.name)) {
      found.push({ path: p, real: path.join(realDir, e.name), rel: r });
    }
  }
}
