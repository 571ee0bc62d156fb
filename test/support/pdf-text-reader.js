// Prints a PDF's page count, title and text as JSON. Run as its own Node process: the PDF library
// under pdf-parse loads its worker by a dynamic import, which Jest's CommonJS runtime cannot do.
'use strict';
const { readFileSync } = require('node:fs');
const { PDFParse } = require('pdf-parse');

async function main() {
  const parser = new PDFParse({ data: readFileSync(process.argv[2]) });
  const text = await parser.getText();
  const info = await parser.getInfo();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ pages: text.total, title: info.info?.Title ?? null, text: text.text }));
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
