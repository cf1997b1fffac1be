/**
 * The analysing half of "Clean All Dumps in Folder…" (cleanFolder.ts): learn the folder's site templates and clean
 * each dump with them. It runs in a worker thread of its own for the command's duration (folderWorker.ts, bundled
 * to dist/folderWorker.js), so that a big dump in the folder never blocks the extension host (a 5 MB dump took the
 * host ~0.8 s when this ran there); in-thread where no worker can be started. No `vscode` import: the host sends
 * texts and settings, and gets back cleaned texts and counts.
 *
 * It also decodes and hashes the bytes the host reads, and encodes what it writes (dumpBytes.ts): for a 5 MB dump
 * that is ~20 ms of decoding and ~10 ms of encoding the host no longer spends.
 *
 * Requests are answered one by one, in order, each with its `seq`.
 */
import { analyzeWith } from '../core/analyze-base';
import { clean, cleanSummary } from '../core/clean';
import { textOf } from '../core/markup';
import { TemplateCounter } from '../core/templates';
import { joinedKept, type JoinedPage } from '../core/joined';
import { MIN_TEMPLATE_DOCUMENTS, type AnalyzeOptions, type TemplateIndex } from '../core/types';
import type { DumpEncoding } from '../core/decode';
import { encodeDump, readDump } from './dumpBytes';

/** Starts a run: what every later request of the run shares. */
export interface StartRequest {
  type: 'start';
  seq: number;
  /** Convert dumps that are HTML markup to text lines before anything else. */
  convertMarkup: boolean;
  /** Keep meta lines (bylines, datelines, credits) in the cleaned text. */
  keepMeta: boolean;
}
/**
 * One dump read by the scan: added to the site-template index (`index`), and kept here under the id `keep` for the
 * dry run (`clean` with `kept`), so that the host does not hold the folder's texts between the two passes.
 */
export interface LearnRequest {
  type: 'learn';
  seq: number;
  text: string;
  index: boolean;
  keep?: number;
}
/** The templates the run cleans with: those learned (when `use` and at least 3 dumps were learned) or none. */
export interface TemplatesRequest {
  type: 'templates';
  seq: number;
  use: boolean;
}
/**
 * Clean one dump (with the run's templates): `text`, or the text kept under the id `kept` (then forgotten).
 * `options`: the analysis options from the settings (plain data).
 */
export interface CleanRequest {
  type: 'clean';
  seq: number;
  text?: string;
  kept?: number;
  options: AnalyzeOptions;
}
/** Decode and hash the bytes of a file (its buffer is handed over when it can be). */
export interface ReadRequest {
  type: 'read';
  seq: number;
  bytes: Uint8Array;
}
/** Encode a text to write it. */
export interface EncodeRequest {
  type: 'encode';
  seq: number;
  text: string;
  encoding: DumpEncoding;
}
/**
 * A big file's bytes (handed over): decoded and hashed, added to the index (`index`) and kept (`keep`) like `learn`;
 * the answer has no text, so that a big text does not cross to the host and back.
 */
export interface LoadRequest {
  type: 'load';
  seq: number;
  bytes: Uint8Array;
  index: boolean;
  keep?: number;
}
export type FolderRequest = StartRequest | LearnRequest | TemplatesRequest | CleanRequest | ReadRequest | EncodeRequest | LoadRequest;

export type FolderReply =
  | { type: 'ok'; seq: number }
  | { type: 'templates'; seq: number; documents: number }
  /** `out` is left out when the cleaned text is the text itself (`same`). */
  | { type: 'cleaned'; seq: number; same: boolean; out?: string; removed: number; joined?: JoinedPage }
  /** The file's text, encoding and the hash of its bytes; or why it is not rewritten (binary, bad bytes). */
  | { type: 'read'; seq: number; text: string; encoding: DumpEncoding; hash: string }
  | { type: 'refused'; seq: number; reason: string }
  | { type: 'encoded'; seq: number; bytes: Uint8Array }
  /** A loaded file: its encoding, the hash of its bytes and the length of its text. */
  | { type: 'loaded'; seq: number; encoding: DumpEncoding; hash: string; chars: number }
  | { type: 'error'; seq: number; message: string };

/**
 * The cleaned text of a dump and the lines it drops (of the converted text, for HTML markup); `joined`: a line that
 * holds a whole page a converter joined into one line (`stats.joined`, 0-based in the text cleaned) and whether the
 * clean keeps it.
 */
export function cleanDump(text: string, options: AnalyzeOptions, run: { convertMarkup: boolean; keepMeta: boolean }, templates: TemplateIndex | null): { out: string; removed: number; joined?: JoinedPage } {
  const t = run.convertMarkup ? textOf(text) : text;
  const cleanOpts = { keepMeta: run.keepMeta };
  // a converted dump: the lines kept by hand are lines of the original, not of its conversion
  const a = analyzeWith(t, { ...options, entities: false, quotes: false, keepMeta: run.keepMeta, ...(t !== text ? { keepLines: [] } : {}), templates });
  const out = clean(t, a, cleanOpts);
  const j = a.stats.joined;
  const joined = j ? { joined: joinedKept(j, a.lines, run.keepMeta) } : {};
  return { out, removed: out === text ? 0 : cleanSummary(a, cleanOpts).removed, ...joined };
}

export class FolderService {
  private run = { convertMarkup: true, keepMeta: false };
  /** The run's site-template counts (the index is made from them once, by `templates`). */
  private counter = new TemplateCounter();
  private templates: TemplateIndex | null = null;
  /** Texts kept between the scan and the dry run, by id. */
  private readonly kept = new Map<number, string>();

  /** A dump read by the scan: counted for the templates (`index`), kept under the id `keep`. */
  private take(text: string, index: boolean, keep: number | undefined): void {
    if (keep !== undefined) this.kept.set(keep, text);
    if (index) this.counter.add(this.run.convertMarkup ? textOf(text) : text);
  }

  handle(req: FolderRequest): FolderReply {
    try {
      switch (req.type) {
        case 'start':
          this.run = { convertMarkup: req.convertMarkup, keepMeta: req.keepMeta };
          this.counter = new TemplateCounter();
          this.templates = null;
          this.kept.clear();
          return { type: 'ok', seq: req.seq };
        case 'learn':
          this.take(req.text, req.index, req.keep);
          return { type: 'ok', seq: req.seq };
        case 'load': {
          const d = readDump(req.bytes);
          if ('reason' in d) return { type: 'refused', seq: req.seq, reason: d.reason };
          this.take(d.text, req.index, req.keep);
          return { type: 'loaded', seq: req.seq, encoding: d.encoding, hash: d.hash, chars: d.text.length };
        }
        case 'templates':
          this.templates = req.use && this.counter.documents >= MIN_TEMPLATE_DOCUMENTS ? this.counter.index() : null;
          return { type: 'templates', seq: req.seq, documents: this.templates ? this.templates.documents : 0 };
        case 'clean': {
          let text = req.text;
          if (text === undefined && req.kept !== undefined) {
            text = this.kept.get(req.kept);
            this.kept.delete(req.kept);
          }
          if (text === undefined) return { type: 'error', seq: req.seq, message: `no text kept for ${req.kept}` };
          const { out, removed, joined } = cleanDump(text, req.options, this.run, this.templates);
          const also = joined ? { joined } : {};
          return out === text ? { type: 'cleaned', seq: req.seq, same: true, removed, ...also } : { type: 'cleaned', seq: req.seq, same: false, out, removed, ...also };
        }
        case 'read': {
          const d = readDump(req.bytes);
          return 'reason' in d ? { type: 'refused', seq: req.seq, reason: d.reason } : { type: 'read', seq: req.seq, ...d };
        }
        case 'encode':
          return { type: 'encoded', seq: req.seq, bytes: encodeDump(req.text, req.encoding) };
        default:
          return { type: 'error', seq: (req as { seq?: number }).seq ?? -1, message: `unknown request ${(req as { type?: unknown }).type}` };
      }
    } catch (e) {
      return { type: 'error', seq: req.seq, message: e instanceof Error ? e.message : String(e) };
    }
  }
}
