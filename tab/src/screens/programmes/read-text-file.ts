import { decodeTextFile } from '../../../../src/domain/text-file';

/**
 * A chosen file's text: UTF-8 when its bytes are valid UTF-8, else Windows-1252 (what French Excel
 * writes for "CSV (séparateur : point-virgule)"), so « é » arrives as « é » either way; the server
 * reads a text/csv upload with the same decoder (src/domain/text-file.ts).
 */
export async function readTextFile(file: Blob): Promise<string> {
  return decodeTextFile(new Uint8Array(await file.arrayBuffer())).text;
}
