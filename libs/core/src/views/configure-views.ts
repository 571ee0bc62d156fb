import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { projectRoot } from '../project-root';

/**
 * Server-rendered pages use Nunjucks with autoescaping on: whatever a user wrote is escaped on the
 * way out unless a template marks trusted, already-sanitised HTML with `| safe`. Each lib keeps its
 * templates in `src/views/`, under a folder named after the feature (`blog/post.njk`); the shared
 * layout and error page live in core.
 */
export function configureViews(app: NestExpressApplication): nunjucks.Environment {
  const root = projectRoot();
  const searchPaths = readdirSync(join(root, 'libs'))
    .sort()
    .map((lib) => join(root, 'libs', lib, 'src', 'views'))
    .filter((dir) => existsSync(dir));
  const env = nunjucks.configure(searchPaths, {
    autoescape: true,
    throwOnUndefined: false,
    noCache: false,
    express: app.getHttpAdapter().getInstance(),
  });
  env.addGlobal('siteName', 'Roundtable');
  env.addGlobal('currentYear', () => new Date().getFullYear());
  app.setViewEngine('njk');
  return env;
}
