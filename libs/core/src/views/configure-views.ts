import { NestExpressApplication } from '@nestjs/platform-express';
import nunjucks from 'nunjucks';
import { viewSearchPaths } from '../project-root';

/**
 * Server-rendered pages use Nunjucks with autoescaping on: whatever a user wrote is escaped on the
 * way out unless a template marks trusted, already-sanitised HTML with `| safe`. Each lib keeps its
 * templates in `src/views/` (found for every lib, see project-root.ts), under a folder named after the feature (`blog/post.njk`); the shared
 * layout and error page live in core.
 */
export function configureViews(app: NestExpressApplication): nunjucks.Environment {
  const env = nunjucks.configure(viewSearchPaths(), {
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
