import { Global, Injectable, Module } from '@nestjs/common';

/**
 * One link (or, with `method: 'post'`, one button in a small form such as "Sign out") of the site's
 * navigation. `roles` lists who sees it: `visitor` for people not signed in, or stored roles
 * (auth's `Role` values); `order` places it (admin links 10–40, features 50–80, account 90).
 */
export interface NavigationEntry {
  label: string;
  href: string;
  roles: readonly string[];
  order: number;
  method?: 'get' | 'post';
}

/**
 * The site's navigation, assembled from what each feature registers when its module starts, so the
 * layout renders entries without knowing the features:
 *
 *   export class BlogModule implements OnModuleInit {
 *     constructor(private readonly navigation: NavigationRegistry) {}
 *     onModuleInit() { this.navigation.register(BLOG_NAVIGATION); }
 *   }
 *
 * The layout calls the `navigation(role)` view global (see configureHttpApp).
 */
@Injectable()
export class NavigationRegistry {
  private readonly entries: NavigationEntry[] = [];

  register(entries: readonly NavigationEntry[]): void {
    this.entries.push(...entries);
    this.entries.sort((a, b) => a.order - b.order);
  }

  /** The entries someone with `role` sees (`visitor` when not signed in), in order. */
  for(role: string): NavigationEntry[] {
    return this.entries.filter((entry) => entry.roles.includes(role));
  }
}

/** Global, so every feature module can register without importing anything but core. */
@Global()
@Module({ providers: [NavigationRegistry], exports: [NavigationRegistry] })
export class NavigationModule {}
