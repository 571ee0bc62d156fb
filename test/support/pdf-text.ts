import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface PdfText {
  pages: number;
  title: string | null;
  text: string;
}

/** Parses a PDF as a reader would (pdf-parse, in a Node process of its own): its pages, title and text. */
export async function readPdf(pdf: Buffer): Promise<PdfText> {
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-')), 'file.pdf');
  writeFileSync(file, pdf);
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'pdf-text-reader.js'), file]);
  return JSON.parse(stdout) as PdfText;
}
