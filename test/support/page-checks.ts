import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addSession } from './browser';

/** What a page must never show a reader, found by `pageProblems`. */
export interface PageProblems {
  /** The page scrolls sideways (its content is wider than the viewport). */
  sidewaysScroll: boolean;
  /** Text drawn smaller than 11 CSS pixels, with its size (SVG text as scaled on screen). */
  smallText: string[];
  /** Checkboxes and radios whose label's text does not start on the box's line. */
  labelsApart: string[];
  /** Boxes whose content is cut (scrolls inside them), chart labels cut with "…" or drawn past their chart. */
  clipped: string[];
}

/**
 * Measures a rendered page the way a reader meets it: sideways scroll, the smallest text (an SVG's
 * text scaled by how wide the drawing is shown), and anything clipped: an element whose content is
 * wider than its box where the box hides or scrolls the rest, an SVG label shortened with "…" or
 * outside its drawing. Hidden elements (display: none, zero size) are skipped.
 */
export function pageProblems(page: Page): Promise<PageProblems> {
  return page.evaluate(() => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''
      } "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    // Shown to a sighted reader: has a size, is not hidden, and is not moved off the page (visually hidden text).
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.right > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const smallText: string[] = [];
    const clipped: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const measured = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || measured.has(element) || !(node.textContent ?? '').trim()) {
        continue;
      }
      measured.add(element);
      if (!shown(element) || element.closest('.visually-hidden, .skip-link, title, desc, script, style')) {
        continue;
      }
      let size = parseFloat(getComputedStyle(element).fontSize);
      const svg = element.closest('svg');
      if (svg) {
        const viewBox = svg.viewBox.baseVal;
        if (viewBox && viewBox.width > 0) {
          size *= svg.getBoundingClientRect().width / viewBox.width;
        }
        const text = element.closest('text') as SVGTextElement | null;
        if (text && (text.textContent ?? '').includes('…')) {
          clipped.push(`chart label cut: ${describe(text)}`);
        }
        if (text && viewBox) {
          const box = text.getBBox();
          if (box.x < viewBox.x - 0.5 || box.x + box.width > viewBox.x + viewBox.width + 0.5) {
            clipped.push(`chart label outside its drawing: ${describe(text)}`);
          }
        }
      }
      if (size < 11) {
        smallText.push(`${size.toFixed(1)}px ${describe(element)}`);
      }
    }
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(element);
      // A text field scrolls what is typed by nature; every other box must fit its content.
      const field = ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
      const cuts = !field && ['hidden', 'auto', 'scroll', 'clip'].includes(style.overflowX);
      if (
        cuts &&
        shown(element) &&
        element.scrollWidth > element.clientWidth + 1 &&
        !element.closest('.visually-hidden')
      ) {
        clipped.push(`content wider than its box: ${describe(element)}`);
      }
    }
    const labelsApart: string[] = [];
    for (const box of Array.from(
      document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]'),
    )) {
      const label = box.labels?.[0];
      if (!label || !shown(box)) {
        continue;
      }
      const words = Array.from(label.childNodes).find((node) => node.nodeType === 3 && (node.textContent ?? '').trim());
      if (!words) {
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(words);
      const first = range.getClientRects()[0];
      const square = box.getBoundingClientRect();
      if (!first || first.top >= square.bottom || first.bottom <= square.top) {
        labelsApart.push(describe(label));
      }
    }
    return {
      labelsApart,
      sidewaysScroll: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      smallText,
      clipped,
    };
  });
}

/** axe-core's script, read once for the run. */
let axeSource: string | undefined;

/**
 * axe-core's violations on the page (injected from node_modules; the context bypasses the site's CSP
 * for it). Every rule runs; only the violations are detailed, since nothing reads passes (a third of
 * axe's time on a long page).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A context at laptop (1280) or phone (390) width, signed in as `who` if given, for axe (CSP bypassed). */
export async function auditContext(
  browser: Browser,
  baseUrl: string,
  who: { cookie: string } | null,
  phone: boolean,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    bypassCSP: true,
  });
  if (who) {
    await addSession(context, baseUrl, who);
  }
  return context;
}

/** A fresh context (as `auditContext`) and a page in it. */
export async function auditPage(
  browser: Browser,
  baseUrl: string,
  who: { cookie: string } | null,
  phone: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await auditContext(browser, baseUrl, who, phone);
  return { context, page: await context.newPage() };
}
