/**
 * Typed reader of every `scrapedNews.*` setting. Settings are resource-scoped: read them for a document
 * (its URI) so folder settings apply. `onDidChange` fires once per configuration change that touches our
 * section, with a helper to ask whether a given key changed for a given resource.
 *
 * Bad user patterns (`scrapedNews.boilerplatePatterns`) are reported ONCE per change of the setting, as a
 * warning message — never thrown or reported per keystroke.
 */
import * as vscode from 'vscode';
import { compileUserPatterns } from '../core/patterns';

export const SECTION = 'scrapedNews';
export const LANGUAGE_ID = 'scraped-news';

export type DetectionMode = 'auto' | 'ask' | 'off';
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
/** `distinct`: scare quotes get their own, fainter style; `same`: styled like real quotes; `off`: not highlighted. */
export type ScareQuotesMode = 'distinct' | 'same' | 'off';

export interface ScrapedNewsConfig {
  detection: DetectionMode;
  /** Opacity of boilerplate lines, 0.1..1. */
  dimOpacity: number;
  /** Opacity of meta lines (bylines, datelines, captions), 0.1..1. */
  metaOpacity: number;
  highlight: {
    boilerplate: boolean;
    meta: boolean;
    quotes: boolean;
    entities: boolean;
  };
  entityTypes: { person: boolean; place: boolean; organization: boolean };
  scareQuotes: ScareQuotesMode;
  overviewRuler: boolean;
  debounceMs: number;
  diagnosticSeverity: SeverityName;
  /** Also publish a diagnostic for meta lines (always at `hint` level, or not at all when severity is `off`). */
  metaDiagnostics: boolean;
  boilerplatePatterns: string[];
  keepMeta: boolean;
  /** Clean a dump that is HTML markup as the text it converts to. */
  convertMarkup: boolean;
  /** Judge the paragraphs of a hard-wrapped dump whole (AnalyzeOptions.unwrap). */
  unwrapLines: boolean;
  saveAfterClean: boolean;
  statusBar: boolean;
  /** Find entities only in documents up to this many characters (0 = never). */
  entitiesMaxLength: number;
  /** The most the analysis worker's JavaScript heap may hold, in MB (0 = Node's default). */
  analysisMemoryLimitMB: number;
}

export const DEFAULTS: ScrapedNewsConfig = {
  detection: 'auto',
  dimOpacity: 0.4,
  metaOpacity: 0.65,
  highlight: { boilerplate: true, meta: true, quotes: true, entities: true },
  entityTypes: { person: true, place: true, organization: true },
  scareQuotes: 'distinct',
  overviewRuler: false,
  debounceMs: 300,
  diagnosticSeverity: 'hint',
  metaDiagnostics: false,
  boilerplatePatterns: [],
  keepMeta: true,
  convertMarkup: true,
  unwrapLines: true,
  saveAfterClean: false,
  statusBar: true,
  entitiesMaxLength: 500_000,
  analysisMemoryLimitMB: 0,
};

function oneOf<T extends string>(v: unknown, allowed: readonly T[], def: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : def;
}
function num(v: unknown, def: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : def;
}
function bool(v: unknown, def: boolean): boolean {
  return typeof v === 'boolean' ? v : def;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** Read all settings for a resource (document URI or the document itself). Values are validated and clamped. */
export function readConfig(scope?: vscode.ConfigurationScope | null): ScrapedNewsConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? undefined);
  const d = DEFAULTS;
  return {
    detection: oneOf(c.get('detection'), ['auto', 'ask', 'off'] as const, d.detection),
    dimOpacity: num(c.get('dimOpacity'), d.dimOpacity, 0.1, 1),
    metaOpacity: num(c.get('metaOpacity'), d.metaOpacity, 0.1, 1),
    highlight: {
      boilerplate: bool(c.get('highlight.boilerplate'), d.highlight.boilerplate),
      meta: bool(c.get('highlight.meta'), d.highlight.meta),
      quotes: bool(c.get('highlight.quotes'), d.highlight.quotes),
      entities: bool(c.get('highlight.entities'), d.highlight.entities),
    },
    entityTypes: {
      person: bool(c.get('entities.person'), d.entityTypes.person),
      place: bool(c.get('entities.place'), d.entityTypes.place),
      organization: bool(c.get('entities.organization'), d.entityTypes.organization),
    },
    scareQuotes: oneOf(c.get('scareQuotes'), ['distinct', 'same', 'off'] as const, d.scareQuotes),
    overviewRuler: bool(c.get('overviewRuler'), d.overviewRuler),
    debounceMs: num(c.get('debounceMs'), d.debounceMs, 0, 5000),
    diagnosticSeverity: oneOf(c.get('diagnosticSeverity'), ['error', 'warning', 'information', 'hint', 'off'] as const, d.diagnosticSeverity),
    metaDiagnostics: bool(c.get('metaDiagnostics'), d.metaDiagnostics),
    boilerplatePatterns: strings(c.get('boilerplatePatterns')),
    keepMeta: bool(c.get('keepMeta'), d.keepMeta),
    convertMarkup: bool(c.get('convertMarkup'), d.convertMarkup),
    unwrapLines: bool(c.get('unwrapLines'), d.unwrapLines),
    saveAfterClean: bool(c.get('saveAfterClean'), d.saveAfterClean),
    statusBar: bool(c.get('statusBar'), d.statusBar),
    entitiesMaxLength: num(c.get('entities.maxDocumentLength'), d.entitiesMaxLength, 0, Number.MAX_SAFE_INTEGER),
    analysisMemoryLimitMB: num(c.get('analysisMemoryLimitMB'), d.analysisMemoryLimitMB, 0, 1_000_000),
  };
}

export function toSeverity(s: SeverityName): vscode.DiagnosticSeverity | null {
  switch (s) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
    default: return null;
  }
}

export interface ConfigChange {
  /** True when `scrapedNews.<key>` (e.g. 'highlight', 'boilerplatePatterns') changed, optionally for a resource. */
  affects(key: string, scope?: vscode.ConfigurationScope): boolean;
}

/** What the adapters depend on (a class below; tests or other hosts may supply their own). */
export interface ConfigReader {
  get(scope?: vscode.ConfigurationScope | null): ScrapedNewsConfig;
  readonly onDidChange: vscode.Event<ConfigChange>;
}

export class Configuration implements ConfigReader, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ConfigChange>();
  readonly onDidChange = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  /** Pattern-list keys already reported, so each bad setting value is reported once. */
  private readonly reported = new Set<string>();

  /** Warnings shown so far (test API). */
  readonly warnings: string[] = [];

  constructor(private readonly warn: (message: string) => void = (m) => void vscode.window.showWarningMessage(m)) {
    this.subs.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        if (e.affectsConfiguration(`${SECTION}.boilerplatePatterns`)) this.reported.clear();
        this.emitter.fire({ affects: (key, scope) => e.affectsConfiguration(`${SECTION}.${key}`, scope) });
      }),
    );
  }

  get(scope?: vscode.ConfigurationScope | null): ScrapedNewsConfig {
    const cfg = readConfig(scope);
    this.checkPatterns(cfg.boilerplatePatterns);
    return cfg;
  }

  /** Validate user patterns; a warning is shown once per distinct bad value of the setting. */
  checkPatterns(patterns: readonly string[]): void {
    if (patterns.length === 0) return;
    const { errors } = compileUserPatterns(patterns);
    if (errors.length === 0) return;
    const key = JSON.stringify(patterns);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const list = errors.map((e) => `\`${e.pattern}\` (${e.message})`).join('; ');
    this.warnings.push(`Scraped News: ignoring ${errors.length} invalid pattern(s) in scrapedNews.boilerplatePatterns: ${list}`);
    this.warn(`Scraped News: ignoring ${errors.length} invalid pattern(s) in scrapedNews.boilerplatePatterns: ${list}`);
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}

/** Our documents: the scraped-news language (set by file pattern, detection or the user). */
export function isScrapedNewsDocument(doc: vscode.TextDocument | undefined | null): doc is vscode.TextDocument {
  return !!doc && doc.languageId === LANGUAGE_ID && !doc.isClosed;
}
