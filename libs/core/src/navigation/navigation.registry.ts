import { Global, Injectable, Module } from '@nestjs/common';

/** The staff area's groups, in the order its navigation shows them. */
export const STAFF_GROUPS = [
  { key: 'people', label: 'People' },
  { key: 'content', label: 'Content' },
  { key: 'research', label: 'Research' },
  { key: 'billing', label: 'Billing' },
  { key: 'site', label: 'Site' },
] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number]['key'];

/**
 * One link (or, with `method: 'post'`, one button in a small form such as "Sign out") of the site's
 * navigation. `roles` lists who sees it: `visitor` for people not signed in, or stored roles
 * (auth's `Role` values); `order` places it (staff tools 10–45, features 50–80, account 85–90).
 * An entry with a `group` is a staff tool: it is listed in the staff area's own navigation under
 * that group, never in the site's header, so members' navigation stays short.
 */
export interface NavigationEntry {
  label: string;
  href: string;
  roles: readonly string[];
  order: number;
  method?: 'get' | 'post';
  group?: StaffGroup;
}

/** An entry as a page shows it: `current` marks the one link (at most) that leads to the page shown. */
export type ShownEntry = NavigationEntry & { current: boolean };

/** A group of the staff area's navigation with the entries someone may see in it. */
export interface NavigationGroup {
  key: StaffGroup;
  label: string;
  entries: ShownEntry[];
}

/**
 * Marks the entry whose address is the page's, or the longest one the page sits under
 * (`/admin/billing/events` is under Billing events, not Billing overview); `/` and `/admin` match
 * only themselves, since every page sits under them. Pure.
 */
export function markCurrent(entries: readonly NavigationEntry[], path = ''): ShownEntry[] {
  const under = (href: string) => path === href || (href !== '/' && href !== '/admin' && path.startsWith(`${href}/`));
  const best = entries
    .filter((entry) => entry.method !== 'post' && under(entry.href))
    .reduce<NavigationEntry | null>(
      (longest, entry) => (longest && longest.href.length >= entry.href.length ? longest : entry),
      null,
    );
  return entries.map((entry) => ({ ...entry, current: entry === best }));
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
 * The layout calls the `navigation(role)` and `staffNavigation(role)` view globals (see configureHttpApp).
 */
@Injectable()
export class NavigationRegistry {
  private readonly entries: NavigationEntry[] = [];

  register(entries: readonly NavigationEntry[]): void {
    this.entries.push(...entries);
    this.entries.sort((a, b) => a.order - b.order);
  }

  /**
   * The site header's entries someone with `role` sees (`visitor` when not signed in), in order, the
   * one leading to `path` marked current (in the staff area, the entry leading to `/admin`).
   */
  for(role: string, path = ''): ShownEntry[] {
    const entries = this.entries.filter((entry) => !entry.group && entry.roles.includes(role));
    return markCurrent(entries, path.startsWith('/admin/') ? '/admin' : path);
  }

  /** The staff area's groups someone with `role` sees, each with its entries in order; empty groups left out. */
  staffGroups(role: string, path = ''): NavigationGroup[] {
    const shown = markCurrent(
      this.entries.filter((entry) => entry.group && entry.roles.includes(role)),
      path,
    );
    return STAFF_GROUPS.map(({ key, label }) => ({
      key,
      label,
      entries: shown.filter((entry) => entry.group === key),
    })).filter((group) => group.entries.length > 0);
  }
}

/** Global, so every feature module can register without importing anything but core. */
@Global()
@Module({ providers: [NavigationRegistry], exports: [NavigationRegistry] })
export class NavigationModule {}
