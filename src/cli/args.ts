/** Command-line parsing for scraped-news. Strict: any unknown flag is a usage error. */

export class UsageError extends Error {}

export interface Args {
  command: 'clean' | 'annotate' | 'help' | 'version';
  inputs: string[];
  out: string | null;
  inPlace: boolean;
  recursive: boolean;
  jobs: number | null;
  json: boolean;
  keepMeta: boolean;
  /** Convert dumps that are HTML markup to text before cleaning (off: --keep-markup). */
  convertMarkup: boolean;
  /** Judge the paragraphs of a hard-wrapped dump whole (off: --no-unwrap). */
  unwrap: boolean;
  patterns: string[];
  templates: boolean;
  dryRun: boolean;
  quiet: boolean;
  jsonl: boolean;
  entities: boolean;
  quotes: boolean;
  scareQuotes: boolean;
  pretty: boolean;
}

type Flag = { name: string; short?: string; value?: true; commands: Args['command'][]; set: (a: Args, v: string) => void };

const FLAGS: Flag[] = [
  { name: 'out', short: 'o', value: true, commands: ['clean'], set: (a, v) => { a.out = v; } },
  { name: 'in-place', commands: ['clean'], set: (a) => { a.inPlace = true; } },
  { name: 'recursive', short: 'r', commands: ['clean'], set: (a) => { a.recursive = true; } },
  {
    name: 'jobs', short: 'j', value: true, commands: ['clean'],
    set: (a, v) => {
      if (!/^[1-9]\d{0,2}$/.test(v)) throw new UsageError(`--jobs needs a whole number from 1 to 999, got '${v}'`);
      a.jobs = Number(v);
    },
  },
  { name: 'json', commands: ['clean'], set: (a) => { a.json = true; } },
  { name: 'keep-meta', commands: ['clean'], set: (a) => { a.keepMeta = true; } },
  { name: 'keep-markup', commands: ['clean'], set: (a) => { a.convertMarkup = false; } },
  { name: 'no-unwrap', commands: ['clean', 'annotate'], set: (a) => { a.unwrap = false; } },
  { name: 'dry-run', short: 'n', commands: ['clean'], set: (a) => { a.dryRun = true; } },
  { name: 'quiet', short: 'q', commands: ['clean'], set: (a) => { a.quiet = true; } },
  { name: 'no-templates', commands: ['clean'], set: (a) => { a.templates = false; } },
  { name: 'pattern', short: 'p', value: true, commands: ['clean', 'annotate'], set: (a, v) => { a.patterns.push(v); } },
  { name: 'jsonl', commands: ['annotate'], set: (a) => { a.jsonl = true; } },
  { name: 'no-entities', commands: ['annotate'], set: (a) => { a.entities = false; } },
  { name: 'no-quotes', commands: ['annotate'], set: (a) => { a.quotes = false; } },
  { name: 'no-scare-quotes', commands: ['annotate'], set: (a) => { a.scareQuotes = false; } },
  { name: 'pretty', commands: ['annotate'], set: (a) => { a.pretty = true; } },
];

export function parseArgs(argv: readonly string[]): Args {
  const a: Args = {
    command: 'help', inputs: [], out: null, inPlace: false, recursive: false, jobs: null, json: false, keepMeta: false, convertMarkup: true, unwrap: true,
    patterns: [], templates: true, dryRun: false, quiet: false, jsonl: false, entities: true, quotes: true, scareQuotes: true, pretty: false,
  };
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0 || argv[0] === 'help') return { ...a, command: 'help' };
  if (argv.includes('--version') || argv.includes('-V')) return { ...a, command: 'version' };
  const cmd = argv[0];
  if (cmd !== 'clean' && cmd !== 'annotate') {
    throw new UsageError(cmd.startsWith('-') ? `unknown option '${cmd}' (expected a command: clean or annotate)` : `unknown command '${cmd}' (expected clean or annotate)`);
  }
  a.command = cmd;
  let onlyInputs = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      a.inputs.push(arg);
      continue;
    }
    if (arg === '--') { onlyInputs = true; continue; }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      if (arg.length !== 2) throw new UsageError(`unknown option '${arg}'`);
      name = arg.slice(1);
    }
    const f = FLAGS.find((x) => (arg.startsWith('--') ? x.name === name : x.short === name));
    if (!f) throw new UsageError(`unknown option '${arg}'`);
    if (!f.commands.includes(a.command)) throw new UsageError(`option '--${f.name}' does not apply to '${a.command}'`);
    if (f.value) {
      let v = inline;
      if (v === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`option '--${f.name}' needs a value`);
        v = argv[++i];
      }
      f.set(a, v);
    } else {
      if (inline !== undefined) throw new UsageError(`option '--${f.name}' takes no value`);
      f.set(a, '');
    }
  }
  return a;
}

export const HELP = `scraped-news — clean and annotate raw .txt dumps of scraped news pages

Usage:
  scraped-news clean FILE|DIR... --out DIR [options]   write each cleaned dump to DIR/<same file name>
  scraped-news clean FILE|DIR... --in-place [options]  rewrite the files themselves
  scraped-news clean - [options]                       read a dump on stdin, write the cleaned text to stdout
  scraped-news annotate FILE|- [options]               print the analysis as JSON
  scraped-news annotate --jsonl [FILE|-] [options]     {"id","text"} per input line -> {"id",lines,quotes,entities} per line

Clean options:
  -o, --out DIR        output folder (created if needed); directories are mirrored below it
      --in-place       rewrite the input files (only with this flag; never otherwise)
  -r, --recursive      also clean *.txt files in sub-folders of a DIR input
  -j, --jobs N         threads: this one plus N-1 worker threads (default: one per 4 MB of input up to one
                       fewer than the cores, every core from 12 MB per core; 1 = single-threaded; the output
                       is the same for every N)
      --json           print a summary as JSON on stdout (files, cleaned, skipped with reasons, joined pages, lines
                       removed, seconds)
      --keep-meta      keep meta lines (bylines, datelines, captions)
      --keep-markup    clean a dump that is HTML markup line by line as it is (default: convert it to
                       text lines first: block elements become lines, scripts/styles/comments dropped)
      --no-templates   do not learn site templates (lines repeated across the input dumps)
  -n, --dry-run        analyse and report, write nothing
  -q, --quiet          no progress bar (it is only shown when stderr is a terminal anyway)
Common options:
  -p, --pattern REGEX  extra boilerplate pattern (JavaScript regex on the trimmed line; repeatable)
      --no-unwrap      judge every line of a hard-wrapped dump on its own (default: a dump whose paragraphs a
                       converter wrapped at ~72-80 columns is judged paragraph by paragraph)
Annotate options:
      --no-entities    skip entities (much faster)
      --no-quotes      skip quotes
      --no-scare-quotes  do not report one- or two-word scare quotes
      --pretty         indent the JSON
  -h, --help           this help
  -V, --version        version

Offsets in annotate output are JavaScript string indices (UTF-16 code units) into the decoded input
(a UTF-8 BOM counts as one character at offset 0), end exclusive. Lines are 0-based.

Safety: outputs are written to a temporary file in the target folder and renamed; an output that would
overwrite an input is refused (use --in-place); symbolic links that lead out of a given folder are not
followed; a file changed on disk while being cleaned is skipped and left as it was; binary files and
invalid UTF-8 are skipped (never rewritten with replacement characters). Line endings and BOM are kept.

Exit codes:
  0  success
  1  some files were skipped or failed (see stderr or the --json summary); others were written;
     for --jsonl: some input lines were malformed (reported with their line number), the others were processed
  2  usage error, missing or unreadable input, refused output path: nothing was written

A page that a converter joined into one line (a line of 3,000+ characters holding cookies, sign-in, sharing…
text) is cleaned and written all the same, with a warning on stderr (and in the --json summary's "joined");
the exit code does not change.
`;
