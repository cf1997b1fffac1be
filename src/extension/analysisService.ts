/**
 * The per-document analysers behind the extension (protocol and result format: analysisProtocol.ts). Runs in
 * the analysis worker thread (analysisWorker.ts), or in-thread as the fallback (analysisCache.ts loads it lazily).
 */
import { IncrementalAnalyzer } from '../core/incremental';
import type { Analysis, LineInfo } from '../core/types';
import { encodeEntities, encodeLines, encodeQuotes, linesTransferList, transferList, type AnalysisResult, type AnalyzeRequest, type FocusResult, type ServiceReply, type ServiceRequest } from './analysisProtocol';

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

interface DocState {
  inc: IncrementalAnalyzer;
  version: number;
  optionsKey: string;
}

/** The page counts of a reply without them (the `lines` phase). */
const NO_PAGES = { classified: 0, reused: 0, cleanedReused: 0 };

/** Replies are sent through `post(reply, transfer)`. */
export type Post = (reply: ServiceReply, transfer: ArrayBuffer[]) => void;

/** The per-document analysers (the worker's whole state). */
export class AnalysisService {
  private readonly docs = new Map<string, DocState>();
  /** Parts of a full text received so far, per document (for the generation that sent them). */
  private readonly parts = new Map<string, { gen: number; parts: string[] }>();

  /**
   * `heapUsed`: the isolate's heap in bytes (0 when unknown). `threadCpuMs`: this thread's CPU time in ms (-1 when
   * unknown), read at the start and end of each analysis (the worker passes the thread's clock; in-thread: none).
   */
  constructor(private readonly post: Post, private readonly heapUsed: () => number = () => 0, private readonly threadCpuMs: () => number = () => -1) {}

  handle(req: ServiceRequest): void {
    if (req.type === 'close') {
      this.docs.delete(req.id);
      this.parts.delete(req.id);
      return;
    }
    if (req.type === 'text') {
      const p = this.parts.get(req.id);
      if (p && p.gen === req.gen) p.parts.push(req.text);
      else this.parts.set(req.id, { gen: req.gen, parts: [req.text] });
      return;
    }
    if (req.textParts !== undefined) {
      const p = this.parts.get(req.id);
      this.parts.delete(req.id);
      if (!p || p.gen !== req.gen || p.parts.length !== req.textParts) {
        // parts lost or mixed with another generation's: ask for the full text again
        this.docs.delete(req.id);
        this.post({ type: 'resync', id: req.id, gen: req.gen, version: req.version }, []);
        return;
      }
      req = { ...req, text: p.parts.join(''), textParts: undefined };
    } else this.parts.delete(req.id);
    try {
      this.analyze(req);
    } catch (e) {
      this.docs.delete(req.id);
      this.post({ type: 'error', id: req.id, gen: req.gen, version: req.version, message: e instanceof Error ? e.message : String(e) }, []);
    }
  }

  documents(): number {
    return this.docs.size;
  }

  private analyze(req: AnalyzeRequest): void {
    const t0 = now();
    const c0 = this.threadCpuMs();
    let st = this.docs.get(req.id);
    let analysis: Analysis;
    let incremental = false;
    if (req.text !== undefined) {
      const options = req.options ?? {};
      const sameOptions = st && !req.options && st.optionsKey === req.optionsKey;
      if (req.twoPhase && !sameOptions) {
        // Lines first: the classifier's labels before its settle step are posted as soon as they exist (encoded at
        // once: the settle step then changes the array); the settle step, quotes and entities follow in the same
        // analysis, whose reply corrects the few lines the settle step labels `settled-out`.
        // With focus lines (the editor's visible ones), the pages holding them come even earlier, on their own (read
        // as one page, an estimate of them).
        const inc = new IncrementalAnalyzer(options);
        const focus = req.focus && { first: req.focus[0], last: req.focus[1], onLines: (lines: readonly LineInfo[], firstLine: number) => this.replyFocus(req, lines, firstLine, now() - t0, c0) };
        analysis = inc.reset(req.text, (lines) => this.reply(req, 'lines', lines, false, now() - t0, c0), focus);
        st = { inc, version: req.version, optionsKey: req.optionsKey };
        this.docs.set(req.id, st);
      } else {
        const inc = sameOptions ? st!.inc : new IncrementalAnalyzer(options);
        analysis = inc.reset(req.text);
        st = { inc, version: req.version, optionsKey: req.optionsKey };
        this.docs.set(req.id, st);
      }
    } else {
      if (!st || (req.changes && st.version !== req.baseVersion) || (!req.options && st.optionsKey !== req.optionsKey)) {
        this.docs.delete(req.id);
        this.post({ type: 'resync', id: req.id, gen: req.gen, version: req.version }, []);
        return;
      }
      analysis = st.inc.analysis;
      if (req.changes && req.changes.length) analysis = st.inc.applyChanges(req.changes);
      if (req.options) analysis = st.inc.setOptions(req.options);
      st.version = req.version;
      st.optionsKey = req.optionsKey;
      incremental = true;
    }
    const pages = st.inc.stats.pages;
    if (analysis.length !== req.length) {
      this.docs.delete(req.id);
      this.post({ type: 'resync', id: req.id, gen: req.gen, version: req.version }, []);
      return;
    }
    this.reply(req, 'full', analysis, incremental, now() - t0, c0, pages);
  }

  private replyFocus(req: AnalyzeRequest, lines: readonly LineInfo[], firstLine: number, ms: number, cpu0: number): void {
    const c1 = cpu0 >= 0 ? this.threadCpuMs() : -1;
    const compact = encodeLines(lines);
    const result: FocusResult = { type: 'focus', id: req.id, gen: req.gen, version: req.version, firstLine, lines: compact, ms, cpuMs: c1 >= 0 ? c1 - cpu0 : -1 };
    this.post(result, linesTransferList(compact));
  }

  private reply(req: AnalyzeRequest, phase: 'lines' | 'full', a: Analysis, incremental: boolean, ms: number, cpu0: number, pages = NO_PAGES): void {
    const c1 = cpu0 >= 0 ? this.threadCpuMs() : -1;
    const lines = encodeLines(a.lines);
    const quotes = encodeQuotes(a.quotes);
    const entities = encodeEntities(a.entities);
    const result: AnalysisResult = {
      type: 'result',
      id: req.id,
      gen: req.gen,
      version: req.version,
      optionsKey: req.optionsKey,
      phase,
      incremental,
      ms,
      cpuMs: c1 >= 0 ? c1 - cpu0 : -1,
      length: a.length,
      eol: a.eol,
      bom: a.bom,
      stats: a.stats,
      lines,
      quotes,
      entities,
      heapUsed: this.heapUsed(),
      pages,
    };
    this.post(result, transferList(lines, quotes, entities));
  }
}
