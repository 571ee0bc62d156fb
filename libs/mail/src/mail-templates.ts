import nunjucks from 'nunjucks';
import { createViewEnvironment } from '@roundtable/core';
import { plainTextToHtml } from './plain-text-html';

const environments = new Map<boolean, nunjucks.Environment>();

/**
 * Mail templates sit with each lib's views, as `<feature>/email/<name>.txt.njk` and `.html.njk`.
 * HTML bodies escape every value; text bodies must not.
 */
function templates(autoescape: boolean): nunjucks.Environment {
  let environment = environments.get(autoescape);
  if (!environment) {
    environment = createViewEnvironment({ autoescape });
    environments.set(autoescape, environment);
  }
  return environment;
}

function hasTemplate(environment: nunjucks.Environment, name: string): boolean {
  const loaders = (environment as unknown as { loaders: nunjucks.ILoader[] }).loaders;
  return loaders.some((loader) => (loader as nunjucks.FileSystemLoader).getSource(name) !== null);
}

/** An email's two bodies: the plain-text part (always kept) and the HTML part in the council's layout. */
export interface RenderedMail {
  text: string;
  html: string;
}

/**
 * Renders an email: `<name>.txt.njk` (required) is the plain-text part; `<name>.html.njk`, which
 * extends "mail/layout.html.njk" and puts its main action in `button(url, label)` from
 * "mail/components.njk", is the HTML part. An email without an HTML template gets its text in the
 * same layout, paragraph by paragraph with links, so every email carries the layout.
 *
 *   await mail.queue({ to, subject, ...renderMail('surveys/email/invitation', { name, link, subject }) });
 *
 * Pass `subject` in the context to title the HTML document and `preheader` for the inbox preview line.
 */
export function renderMail(name: string, context: Record<string, unknown>): RenderedMail {
  const text = templates(false).render(`${name}.txt.njk`, context).trim();
  const environment = templates(true);
  const html = hasTemplate(environment, `${name}.html.njk`)
    ? environment.render(`${name}.html.njk`, context)
    : environment.render('mail/plain.html.njk', {
        ...context,
        paragraphs: new nunjucks.runtime.SafeString(plainTextToHtml(text)),
      });
  return { text, html };
}
