import { formatBytes } from '@roundtable/core';
/**
 * What an uploaded file really is, decided from its bytes (a name is only a claim): PDF by its
 * `%PDF-` header, DOCX and XLSX by being ZIP archives whose central directory lists the Office Open
 * XML parts of a Word document or an Excel workbook. Pure, no Nest or mongoose, so it is unit-tested
 * alone.
 */
export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const CONTENT_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const KIND_LABELS: Record<DocumentKind, string> = { pdf: 'PDF', docx: 'Word (DOCX)', xlsx: 'Excel (XLSX)' };

/**
 * Characters that are in a name but not seen: controls (C0, DEL, C1), the bidirectional marks and
 * overrides (U+202E shows "report<U+202E>fdp.exe" as "reportexe.pdf"), and line or paragraph separators.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;

/** A file name we accept: one plain name, no folders, no hidden characters, a known extension. */
export function checkFileName(name: string): { ok: true; kind: DocumentKind } | { ok: false; message: string } {
  if (!name) {
    return { ok: false, message: 'Please choose a file to upload.' };
  }
  if (/[/\\]/.test(name) || name.split('.').every((part) => part === '') || name.includes('..')) {
    return {
      ok: false,
      message: 'The file name must be a plain name, without folders or “..” (like report.pdf).',
    };
  }
  if (HIDDEN_CHARACTERS.test(name)) {
    return {
      ok: false,
      message:
        'The file name must not contain control characters or hidden text-direction marks, which can disguise what a file is. Please rename the file (like report.pdf) and upload it again.',
    };
  }
  if (name.length > 150) {
    return { ok: false, message: 'Please shorten the file name to 150 characters or fewer.' };
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1].toLowerCase();
  if (!extension || !(DOCUMENT_KINDS as readonly string[]).includes(extension)) {
    return { ok: false, message: 'Only PDF, Word (.docx) and Excel (.xlsx) files can be uploaded.' };
  }
  return { ok: true, kind: extension as DocumentKind };
}

/** The kind of document the bytes are, or null when they are none of ours. */
export function detectDocumentKind(bytes: Buffer): DocumentKind | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return 'pdf';
  }
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) {
    return null;
  }
  // Macro-enabled documents (.docm, .xlsm) carry a VBA project: not accepted as DOCX/XLSX.
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) {
    return null;
  }
  if (names.includes('word/document.xml')) {
    return 'docx';
  }
  if (names.includes('xl/workbook.xml')) {
    return 'xlsx';
  }
  return null;
}

/** Checks the bytes against the name's claim; returns the kind, or a message a person can act on. */
export function checkDocument(
  name: string,
  bytes: Buffer,
  maxBytes: number,
): { ok: true; kind: DocumentKind; contentType: string } | { ok: false; message: string } {
  const byName = checkFileName(name);
  if (!byName.ok) {
    return byName;
  }
  if (bytes.length === 0) {
    return { ok: false, message: 'The file is empty.' };
  }
  if (bytes.length > maxBytes) {
    return { ok: false, message: `The file is larger than the limit of ${formatBytes(maxBytes)}.` };
  }
  const kind = detectDocumentKind(bytes);
  if (kind !== byName.kind) {
    return {
      ok: false,
      message: `The file’s name says ${KIND_LABELS[byName.kind]}, but its content ${
        kind ? `is ${KIND_LABELS[kind]}` : 'is not a PDF, Word or Excel document'
      }. Please upload the document itself.`,
    };
  }
  return { ok: true, kind, contentType: CONTENT_TYPES[kind] };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/**
 * The entry names of a ZIP archive from its central directory, or null when the bytes are not a
 * well-formed ZIP. Reads only headers (no decompression), bounded by the buffer.
 */
export function zipEntryNames(bytes: Buffer): string[] | null {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL_FILE_HEADER) {
    return null;
  }
  // The end record sits in the last 22 bytes plus an archive comment of at most 65,535 bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    return null;
  }
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) {
      return null;
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) {
      return null;
    }
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
