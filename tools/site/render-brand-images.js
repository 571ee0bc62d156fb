// Renders the site's raster brand images from libs/site/src/assets/logo.svg with the local Chromium:
// favicon.ico (a 32 px PNG inside an ICO container), apple-touch-icon.png (180 px) and share.png
// (1200×630, the OpenGraph/Twitter card image). Run after changing the logo:
//   node tools/site/render-brand-images.js
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const assets = join(__dirname, '..', '..', 'libs', 'site', 'src', 'assets');
const logo = readFileSync(join(assets, 'logo.svg'), 'utf8');

async function shot(page, html, width, height) {
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
}

/** An ICO file holding one PNG image (supported by every current browser). */
function icoOf(png, size) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png]);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage();
  const mark = (size) =>
    `<div style="width:${size}px;height:${size}px">${logo.replace('<svg ', `<svg width="${size}" height="${size}" `)}</div>`;
  writeFileSync(join(assets, 'favicon.ico'), icoOf(await shot(page, mark(32), 32, 32), 32));
  writeFileSync(
    join(assets, 'apple-touch-icon.png'),
    await shot(page, `<div style="background:#fff;padding:18px">${mark(144)}</div>`, 180, 180),
  );
  const card = `<div style="width:1200px;height:630px;background:#fbfcfd;display:flex;align-items:center;gap:56px;padding:0 96px;box-sizing:border-box;font-family:'DejaVu Sans',sans-serif;border-bottom:24px solid #1f4e8c">
    ${mark(260)}
    <div><div style="font-size:92px;font-weight:700;color:#1d2330">Roundtable</div>
    <div style="font-size:38px;color:#5b6475;margin-top:16px">The council of Chief Customer Officers</div></div></div>`;
  writeFileSync(join(assets, 'share.png'), await shot(page, card, 1200, 630));
  await browser.close();
})();
