import nunjucks from 'nunjucks';
import { formatDate, formatDateTime, formatMonth, isoDate, isoDateTime } from '../format/dates';
import { plural } from '../format/plural';
import { viewSearchPaths } from '../project-root';

/**
 * The one way a Nunjucks environment is made, for pages, email and HTML rendered ahead of a page
 * (comment threads): every lib's `src/views/` on the search path and the same globals, so a template
 * renders the same wherever it is used. Autoescape is on unless asked off, which only plain-text
 * email does (an escaped `&amp;` in plain text is wrong); HTML escapes every value unless a template
 * marks trusted, already-sanitised HTML with `| safe`.
 */
export function createViewEnvironment(options: { autoescape?: boolean } = {}): nunjucks.Environment {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewSearchPaths()), {
    autoescape: options.autoescape ?? true,
    throwOnUndefined: false,
  });
  environment.addGlobal('siteName', 'Roundtable');
  environment.addGlobal('currentYear', () => new Date().getUTCFullYear());
  // `{{ n | plural('member') }}`: "1 member", "2 members" (format/plural.ts).
  environment.addFilter('plural', plural);
  // Dates only through format/dates.ts: `{{ d | date }}` "3 March 2026", `{{ d | datetime }}` with the
  // time and UTC, `{{ d | month }}`; `{{ d | iso }}` and `{{ d | isodate }}` for `datetime` attributes.
  environment.addFilter('date', formatDate);
  environment.addFilter('datetime', formatDateTime);
  environment.addFilter('month', formatMonth);
  environment.addFilter('iso', isoDateTime);
  environment.addFilter('isodate', isoDate);
  return environment;
}
