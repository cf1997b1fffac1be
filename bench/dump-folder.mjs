// The folder of dumps part (c) of bench/speed.mjs cleans, shared with bench/cli-warmup.mjs: the corpora's .txt dumps in
// name order, corpus after corpus, repeated until there are N (file names d00000-<dump name>).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The .txt dumps of the corpora (each a corpus folder with dumps/, or a folder of dumps), sorted; exits on a missing folder. */
export function corpusDumps(corpora, who) {
  const files = [];
  for (const c of corpora) {
    const d = fs.existsSync(path.join(c, 'dumps')) ? path.join(c, 'dumps') : c;
    if (!fs.existsSync(d)) {
      console.error(`${who}: no such corpus folder: ${c}`);
      process.exit(2);
    }
    for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(path.join(d, f));
  }
  if (files.length === 0) {
    console.error(`${who}: no .txt dumps found`);
    process.exit(2);
  }
  return files;
}

/** Writes `n` dumps (`files` repeated) to tmp/in; returns the folder and its size in bytes. */
export function makeDumpFolder(tmp, files, n) {
  const inDir = path.join(tmp, 'in');
  fs.mkdirSync(inDir);
  let folderBytes = 0;
  for (let i = 0; i < n; i++) {
    const src = files[i % files.length];
    const b = fs.readFileSync(src);
    folderBytes += b.length;
    fs.writeFileSync(path.join(inDir, `d${String(i).padStart(5, '0')}-${path.basename(src)}`), b);
  }
  return { inDir, folderBytes };
}
