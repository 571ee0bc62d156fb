import { NestExpressApplication } from '@nestjs/platform-express';
import nunjucks from 'nunjucks';
import { createViewEnvironment } from './view-environment';

/**
 * Server-rendered pages use the shared Nunjucks environment (view-environment.ts): whatever a user
 * wrote is escaped on the way out unless a template marks trusted, already-sanitised HTML with
 * `| safe`. Each lib keeps its templates in `src/views/` (found for every lib, see project-root.ts),
 * under a folder named after the feature (`blog/post.njk`); the shared layout and error page live in
 * core.
 */
export function configureViews(app: NestExpressApplication): nunjucks.Environment {
  const environment = createViewEnvironment();
  environment.express(app.getHttpAdapter().getInstance());
  app.setViewEngine('njk');
  return environment;
}
