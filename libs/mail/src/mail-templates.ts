import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { projectRoot } from '@roundtable/core';

let environment: nunjucks.Environment | undefined;

/** Mail templates sit with each lib's views, as `<feature>/email/<name>.txt.njk` and `.html.njk`. */
function templates(): nunjucks.Environment {
  if (!environment) {
    const root = projectRoot();
    const searchPaths = readdirSync(join(root, 'libs'))
      .sort()
      .map((lib) => join(root, 'libs', lib, 'src', 'views'))
      .filter((dir) => existsSync(dir));
    environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(searchPaths), { autoescape: true });
    environment.addGlobal('siteName', 'Roundtable');
  }
  return environment;
}

/**
 * Renders the text (required) and HTML (optional) bodies of an email template. Values are escaped in
 * the HTML body by autoescape; the text body is rendered with the same engine, so mark nothing safe.
 */
export function renderMail(name: string, context: Record<string, unknown>): { text: string; html?: string } {
  const env = templates();
  const text = env.render(`${name}.txt.njk`, context).trim();
  const htmlPath = `${name}.html.njk`;
  let html: string | undefined;
  try {
    html = env.render(htmlPath, context);
  } catch (error) {
    if (!/template not found/i.test(String((error as Error).message))) {
      throw error;
    }
  }
  return { text, html };
}
