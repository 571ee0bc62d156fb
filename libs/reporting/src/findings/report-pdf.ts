import PDFDocument from 'pdfkit';

export interface PdfRow {
  rank: string;
  item: string;
  score: string;
  holding: string;
}

export interface PdfOwnRow {
  item: string;
  yours: string;
  peers: string;
}

/** What the printable report holds: the same figures as the members' report page. */
export interface ReportPdfContent {
  title: string;
  methodology: string[];
  rows: PdfRow[];
  skews: string[];
  /** The member's own answers beside their peers' (members with the peer benchmark), or null. */
  own: PdfOwnRow[] | null;
  generatedFor: string;
}

const MARGIN = 50;
const BLUE = '#2f5d9e';
const INK = '#1d2430';
const MUTED = '#5b6473';

/**
 * The members' report as a PDF for a board pack (pdfkit, its built-in Helvetica, so no font files):
 * the council's wordmark, the title, the methodology, the ranking table (a header repeated on each
 * page, rows never split), the skews, and the member's own answers when their tier includes them.
 */
export function renderReportPdf(content: ReportPdfContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: content.title, Author: 'Roundtable' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).fillColor(BLUE).text('Roundtable');
  doc.moveDown(0.5).fontSize(20).fillColor(INK).text(content.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor(MUTED).text(content.generatedFor);
  heading(doc, 'How the research was done');
  doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(content.methodology.join(' '), { align: 'left' });
  heading(doc, 'The accountabilities, ranked');
  table(
    doc,
    [
      { title: 'Rank', width: 40, value: (row: PdfRow) => row.rank },
      { title: 'Accountability', width: 300, value: (row: PdfRow) => row.item },
      { title: 'Score', width: 70, value: (row: PdfRow) => row.score },
      { title: 'Hold it', width: 70, value: (row: PdfRow) => row.holding },
    ],
    content.rows,
  );
  if (content.skews.length > 0) {
    heading(doc, 'Who answered');
    for (const skew of content.skews) {
      doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(`• ${skew}`);
    }
  }
  if (content.own) {
    heading(doc, 'Your answers beside your peers’');
    table(
      doc,
      [
        { title: 'Accountability', width: 300, value: (row: PdfOwnRow) => row.item },
        { title: 'Your rank', width: 90, value: (row: PdfOwnRow) => row.yours },
        { title: 'Peers’ rank', width: 90, value: (row: PdfOwnRow) => row.peers },
      ],
      content.own,
    );
  }
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 80) {
    doc.addPage();
  } else {
    doc.moveDown(1);
  }
  doc.font('Helvetica-Bold').fontSize(13).fillColor(BLUE).text(text, MARGIN);
  doc.moveDown(0.4);
}

interface Column<T> {
  title: string;
  width: number;
  value: (row: T) => string;
}

/** A table whose rows never break across pages; the header is repeated on each new page. */
function table<T>(doc: PDFKit.PDFDocument, columns: Column<T>[], rows: T[]): void {
  const header = () => {
    drawRow(
      doc,
      columns.map((c) => c.title),
      columns,
      'Helvetica-Bold',
      MUTED,
    );
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + columns.reduce((sum, c) => sum + c.width, 0), doc.y)
      .strokeColor('#cfd5de')
      .stroke();
    doc.y += 3;
  };
  header();
  for (const row of rows) {
    const cells = columns.map((column) => column.value(row));
    doc.font('Helvetica').fontSize(10);
    const height = Math.max(...cells.map((cell, k) => doc.heightOfString(cell, { width: columns[k].width - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      header();
    }
    drawRow(doc, cells, columns, 'Helvetica', INK);
  }
}

function drawRow<T>(
  doc: PDFKit.PDFDocument,
  cells: string[],
  columns: Column<T>[],
  font: string,
  colour: string,
): void {
  const top = doc.y;
  let x = MARGIN;
  let bottom = top;
  doc.font(font).fontSize(10).fillColor(colour);
  cells.forEach((cell, k) => {
    doc.text(cell, x, top, { width: columns[k].width - 6 });
    bottom = Math.max(bottom, doc.y);
    x += columns[k].width;
  });
  doc.x = MARGIN;
  doc.y = bottom + 4;
}
