import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { projectRoot } from '@roundtable/core';

const environments = new Map<boolean, nunjucks.Environment>();

/**
 * Mail templates sit with each lib's views, as `<feature>/email/<name>.txt.njk` and `.html.njk`.
 * HTML bodies escape every value; text bodies must not (an escaped `&amp;` in plain text is wrong).
 */
function templates(autoescape: boolean): nunjucks.Environment {
  let environment = environments.get(autoescape);
  if (!environment) {
    const root = projectRoot();
    const searchPaths = readdirSync(join(root, 'libs'))
      .sort()
      .map((lib) => join(root, 'libs', lib, 'src', 'views'))
      .filter((dir) => existsSync(dir));
    environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(searchPaths), { autoescape });
    environment.addGlobal('siteName', 'Roundtable');
    environments.set(autoescape, environment);
  }
  return environment;
}

/**
 * Renders the text (required) and HTML (optional) bodies of an email template. Values are escaped in
 * the HTML body; the text body is plain text and shown as such by mail clients.
 */
export function renderMail(name: string, context: Record<string, unknown>): { text: string; html?: string } {
  const text = templates(false).render(`${name}.txt.njk`, context).trim();
  const htmlPath = `${name}.html.njk`;
  let html: string | undefined;
  try {
    html = templates(true).render(htmlPath, context);
  } catch (error) {
    if (!/template not found/i.test(String((error as Error).message))) {
      throw error;
    }
  }
  return { text, html };
}
