import { MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '@roundtable/auth';
import { BillingModule } from '@roundtable/billing';
import { BlogModule } from '@roundtable/blog';
import { NavigationRegistry } from '@roundtable/core';
import { HomeController } from './home/home.controller';
import { HomePages } from './home/home-pages.service';
import { JoinController } from './join/join.controller';
import { JoinPage } from './join/join.service';
import { SitePage, SitePageSchema } from './pages/site-page.schema';
import { SitePageRepository } from './pages/site-page.repository';
import { SitePagesController } from './pages/site-pages.controller';
import { SitePages } from './pages/site-pages.service';
import { AdminQuotesController } from './quotes/admin-quotes.controller';
import { QuoteAdmin } from './quotes/quote-admin.service';
import { Quote, QuoteSchema } from './quotes/quote.schema';
import { QuoteRepository } from './quotes/quote.repository';
import { SiteUrlMiddleware } from './site-url.middleware';
import { SITE_NAVIGATION } from './site.navigation';

/**
 * The public site around the blog: the home page, the join page with tiers and members' quotes,
 * About/Privacy/Contact (edited by staff), and the partials every public page uses for sharing
 * (`site/meta.njk`, `site/share.njk`). The brand images are core's static files (`brandAssetsDir`).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Quote.name, schema: QuoteSchema },
      { name: SitePage.name, schema: SitePageSchema },
    ]),
    AuthModule,
    BillingModule,
    BlogModule,
  ],
  controllers: [HomeController, JoinController, SitePagesController, AdminQuotesController],
  providers: [HomePages, JoinPage, SitePages, SitePageRepository, QuoteRepository, QuoteAdmin, SiteUrlMiddleware],
  // The quotes also serve `npm start`'s demo seed (seedDemoQuotes).
  exports: [QuoteRepository],
})
export class SiteModule implements NestModule, OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(SITE_NAVIGATION);
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SiteUrlMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
