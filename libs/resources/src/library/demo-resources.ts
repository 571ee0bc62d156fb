import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { ResourceFileRepository } from '../files/resource-files.repository';
import type { ResourceRepository } from './resource.repository';

const JOB_DESCRIPTION_TITLE = 'Chief Customer Officer: a job description';

/** The job description's sections, as the council's members wrote the role. */
const SECTIONS: Array<[heading: string, lines: string[]]> = [
  [
    'Purpose of the role',
    [
      'The Chief Customer Officer (CCO) is accountable for the company’s whole relationship with its customers: how they are understood, served, kept and grown, across every function that touches them.',
    ],
  ],
  [
    'Accountabilities',
    [
      'Customer-centric tactics: the programmes that change what customers experience this quarter.',
      'Customer experience management: the journeys, their owners and the measures of each.',
      'Metrics and analytics related to customer-centricity: one set of customer measures the board reads.',
      'Customer-centric culture: hiring, recognition and decisions that put the customer first.',
      'Customer strategy: where the company wins customers and why they stay.',
      'Understanding customer needs: research, listening posts and the voice of the customer.',
      'Building customer relationships: executive sponsorship of the most important accounts.',
    ],
  ],
  [
    'Reports to and works with',
    [
      'Reports to the Chief Executive Officer; sits on the executive committee.',
      'Works with sales, marketing, product, service and finance leaders, who own the levers the CCO coordinates.',
    ],
  ],
  [
    'What success looks like after a year',
    [
      'Retention and expansion measured the same way in every business unit, and rising.',
      'A customer strategy the executive committee agreed and funds.',
      'Each customer measure has a named owner in the operating review.',
    ],
  ],
];

/** The job description as a PDF, built with pdfkit (text only; fixed dates so the bytes are the same each seed). */
export function jobDescriptionPdf(): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: JOB_DESCRIPTION_TITLE, Author: 'Roundtable', CreationDate: new Date('2026-01-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(20).text(JOB_DESCRIPTION_TITLE);
  doc.moveDown(0.3).fontSize(10).fillColor('#5b6475').text('Roundtable · an executive peer-advisory council');
  for (const [heading, lines] of SECTIONS) {
    doc.moveDown(1).fillColor('#1d2330').fontSize(13).text(heading);
    doc.moveDown(0.3).fontSize(11);
    if (lines.length === 1) {
      doc.text(lines[0]);
    } else {
      doc.list(lines, { bulletRadius: 2 });
    }
  }
  doc.end();
  return done;
}

/** Seeds the library's first resource, the CCO job description, when the library is empty. Returns how many were added. */
export async function seedDemoResources(
  resources: ResourceRepository,
  files: ResourceFileRepository,
  uploadedBy: string,
  tiers: string[],
): Promise<number> {
  if ((await resources.listAll()).length > 0) {
    return 0;
  }
  const bytes = await jobDescriptionPdf();
  const fileName = 'chief-customer-officer-job-description.pdf';
  const fileId = await files.save(fileName, 'application/pdf', bytes);
  await resources.create({
    title: JOB_DESCRIPTION_TITLE,
    summary:
      'The role as members define it: purpose, the seven common accountabilities, reporting lines and what success looks like.',
    category: 'Role definition',
    tiers,
    fileId,
    fileName,
    kind: 'pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    uploadedBy,
  });
  return 1;
}
