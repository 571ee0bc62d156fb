import { docxOf, executable, pdfOf, xlsxOf, zipOf } from '../../../../test/support/documents';
import { checkDocument, checkFileName, detectDocumentKind, zipEntryNames } from './document-type';

const MB = 1024 * 1024;

describe('detectDocumentKind', () => {
  it('knows a PDF by its header, and Word and Excel files by their Office Open XML parts', () => {
    expect(detectDocumentKind(pdfOf('x'))).toBe('pdf');
    expect(detectDocumentKind(docxOf('Hello'))).toBe('docx');
    expect(detectDocumentKind(xlsxOf())).toBe('xlsx');
  });

  it('refuses an executable, plain text, a ZIP that is not an Office document, and a macro-enabled one', () => {
    expect(detectDocumentKind(executable())).toBeNull();
    expect(detectDocumentKind(Buffer.from('just text'))).toBeNull();
    expect(detectDocumentKind(zipOf({ 'readme.txt': 'hi' }))).toBeNull();
    expect(detectDocumentKind(zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBe('docx');
    expect(
      detectDocumentKind(
        zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>', 'word/vbaProject.bin': 'x' }),
      ),
    ).toBeNull();
  });

  it('reads the names of a ZIP archive and gives up on a truncated one', () => {
    const zip = zipOf({ 'a.txt': 'a', 'folder/b.xml': 'b' });
    expect(zipEntryNames(zip)).toEqual(['a.txt', 'folder/b.xml']);
    expect(zipEntryNames(zip.subarray(0, zip.length - 30))).toBeNull();
  });
});

describe('checkFileName', () => {
  it.each(['../../etc/passwd.pdf', '..\\secret.pdf', 'a/b.pdf', '..pdf'])('refuses the path-like name %j', (name) => {
    const result = checkFileName(name);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('plain name') as string });
  });

  it.each([
    'evil\u0000.pdf',
    'report\u202Efdp.pdf',
    'a\u2066b.pdf',
    'line\u2028break.pdf',
    'next\u0085line.pdf',
    'tab\tname.pdf',
  ])('refuses the name %j, whose hidden characters could disguise it', (name) => {
    expect(checkFileName(name)).toEqual({
      ok: false,
      message: expect.stringContaining('control characters or hidden text-direction marks') as string,
    });
  });

  it('accepts names in any script', () => {
    for (const name of ['Résumé – Zoë.pdf', 'تقرير.pdf', '年度报告.xlsx', 'Ünternehmen 😀.docx']) {
      expect(checkFileName(name).ok).toBe(true);
    }
  });

  it('accepts plain names of the three kinds, whatever the case of the extension, and refuses others', () => {
    expect(checkFileName('Job description.PDF')).toEqual({ ok: true, kind: 'pdf' });
    expect(checkFileName('model.xlsx')).toEqual({ ok: true, kind: 'xlsx' });
    expect(checkFileName('setup.exe')).toEqual({ ok: false, message: expect.stringContaining('Only PDF') as string });
    expect(checkFileName('')).toEqual({ ok: false, message: 'Please choose a file to upload.' });
  });
});

describe('checkDocument', () => {
  it('accepts a document whose content is what its name says, with its content type', () => {
    expect(checkDocument('cco.docx', docxOf('CCO'), MB)).toEqual({
      ok: true,
      kind: 'docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('refuses an executable renamed .pdf, a Word file renamed .xlsx, an empty and an oversized file', () => {
    expect(checkDocument('report.pdf', executable(), MB)).toEqual({
      ok: false,
      message: expect.stringContaining(
        'The file’s name says PDF, but its content is not a PDF, Word or Excel document',
      ) as string,
    });
    expect(checkDocument('sheet.xlsx', docxOf('x'), MB)).toEqual({
      ok: false,
      message: expect.stringContaining('The file’s name says Excel (XLSX), but its content is Word (DOCX)') as string,
    });
    expect(checkDocument('empty.pdf', Buffer.alloc(0), MB)).toEqual({ ok: false, message: 'The file is empty.' });
    expect(checkDocument('big.pdf', pdfOf('big', MB), MB)).toEqual({
      ok: false,
      message: 'The file is larger than the limit of 1 MB.',
    });
  });
});
