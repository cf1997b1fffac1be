/**
 * A dump's bytes as the folder command reads and writes them: decoded (refusing what could not be written back
 * byte for byte) and hashed (to tell later whether the file changed), and encoded back. Used by the folder command's
 * worker thread (folderService.ts) and by the folder templates (folderTemplates.ts). No `vscode` import.
 */
import { createHash } from 'crypto';
import { decodeDump as coreDecode, encodeDump, type DumpEncoding } from '../core/decode';

/**
 * Decode a dump's bytes (core `decodeDump`: UTF-8 with or without BOM, UTF-16 LE/BE), or say why the file is
 * not safe to rewrite: binary content, or invalid byte sequences (re-encoding them would change bytes).
 */
export function decodeDump(bytes: Uint8Array): { text: string; encoding: DumpEncoding } | { reason: string } {
  try {
    const d = coreDecode(bytes);
    if (d.replacements > 0) {
      return { reason: `${d.replacements} invalid ${d.encoding.toUpperCase()} byte sequence(s): not rewritten, so that no byte is lost` };
    }
    return { text: d.text, encoding: d.encoding };
  } catch (e) {
    return { reason: (e as Error).message };
  }
}

export function sha1(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** `decodeDump` and the bytes' hash. */
export function readDump(bytes: Uint8Array): { text: string; encoding: DumpEncoding; hash: string } | { reason: string } {
  const d = decodeDump(bytes);
  return 'reason' in d ? d : { ...d, hash: sha1(bytes) };
}

export { encodeDump };

/** `bytes`'s buffer when it can be handed to another thread as it is (it is the whole buffer), else nothing. */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
