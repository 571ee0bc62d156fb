import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { DomainErrorFilter } from '../errors/domain-error.filter';
import { createValidationPipe } from '../forms/validation-pipe';
import { NavigationRegistry } from '../navigation/navigation.registry';
import { EarlyAnswers } from '../page-cache/early-answers';
import { pageCacheMiddleware } from '../page-cache/page-cache.middleware';
import { PageCache } from '../page-cache/page-cache.service';
import { coreAssetsDir } from '../project-root';
import { serveBrandFiles } from './brand-files';
import { methodRules, type RouterLayer } from './method-rules';
import { useRequestBodyRules } from './request-bodies';
import { APP_VERSION } from '../version';
import { configureViews } from '../views/configure-views';

/**
 * Everything an HTTP app needs besides its modules, in one place so that `main.ts` and the tests'
 * `createTestApp()` run exactly the same stack: security headers, the public page cache, body rules,
 * validation, the error filter, server-rendered views, static assets and the OpenAPI document at /api/docs.
 */
export function configureHttpApp(app: NestExpressApplication): void {
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Every asset is served by the app itself: no CDN, nothing leaks to third parties.
        directives: {
          'script-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'https:'],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  const { router } = app.getHttpAdapter().getInstance();
  // Express's typings of a layer omit `match`, which every layer has (router v2).
  app.use(methodRules(() => router.stack as unknown as RouterLayer[]));
  // Visitors' public pages come from memory, before sessions and body parsing (see PageCache).
  app.use(pageCacheMiddleware(app.get(PageCache)));
  // Personal pages a feature keeps in memory (never stored by anyone else), before sessions too.
  app.use(app.get(EarlyAnswers).middleware());
  // The layout marks the current page in the navigation and gives the staff area (/admin) its own frame.
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.locals.requestPath = req.path;
    next();
  });
  useRequestBodyRules(app);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());

  const views = configureViews(app);
  // Read when a page renders, so entries registered at module start-up are all there.
  views.addGlobal('navigation', (role: string, path?: string) => app.get(NavigationRegistry).for(role, path));
  views.addGlobal('staffNavigation', (role: string, path?: string) =>
    app.get(NavigationRegistry).staffGroups(role, path),
  );
  app.useStaticAssets(coreAssetsDir(), { prefix: '/assets/', maxAge: '1h' });
  serveBrandFiles(app);

  const openApi = new DocumentBuilder()
    .setTitle('Roundtable API')
    .setDescription('JSON API of the Roundtable council platform')
    .setVersion(APP_VERSION)
    // Any call can be refused before its handler (a NUL character, a value its rules refuse); the message says why.
    .addGlobalResponse({ status: 400, description: 'The request could not be read, or a value breaks its rule' })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  app.enableShutdownHooks();
}
