import { randomUUID } from 'node:crypto';
import { KeptValues } from '../kept-values/kept-values';
import { escapeHtml } from './escape-html';

/** Renderings kept per process at most, by count and by their HTML's length (UTF-16 units). */
export const KEPT_PAGES_MAX = 256;
export const KEPT_PAGES_MAX_CHARS = 32 * 2 ** 20;
/**
 * How long a rendering is used at most: what changes by time alone (a scheduled post going live, the
 * year in the footer) shows within this, as on the public pages (`PAGE_CACHE_MAX_AGE_SECONDS`).
 */
export const KEPT_PAGE_MAX_AGE_MS = 60_000;

/** What of the viewer a kept page's layout shows, taken from the request's locals. */
export interface ViewerLocals {
  member?: { role?: string } | null;
  isStaff?: boolean;
  isAdmin?: boolean;
  requestPath?: string;
  flash?: unknown;
}

/**
 * Signed-in pages rendered once and shared by viewers: a page whose HTML depends on the viewer only
 * through its role (the layout's navigation), what its page key names, and the CSRF token is rendered
 * with a stand-in for the token, kept split around it, and each view joins the pieces with its own
 * token. Templating the whole page on every view was the largest part of a signed-in page's API time.
 *
 * The page's key must name everything else it shows that may differ between viewers or change: the
 * versions its data were read under and what it worked out from the viewer (may read, may comment,
 * their own editable comments). A page with a flash message is never kept (it shows once).
 */
export class KeptRenderings {
  /** Unguessable, so no text a person typed into a page can contain it. */
  private readonly tokenStandIn = `rt-csrf-${randomUUID()}`;
  private readonly pages = new KeptValues<{ pieces: string[]; storedAt: number }>({
    max: KEPT_PAGES_MAX,
    maxSize: KEPT_PAGES_MAX_CHARS,
    sizeOf: (page) => page.pieces.reduce((sum, piece) => sum + piece.length, 0),
    ttlMs: KEPT_PAGE_MAX_AGE_MS,
  });

  /** How many renderings are held. */
  get size(): number {
    return this.pages.size;
  }

  /** The full key of `view` for this viewer, or null when the page must not be kept. */
  keyOf(view: string, pageKey: string, locals: ViewerLocals): string | null {
    if (locals.flash) {
      return null;
    }
    const role = locals.member ? (locals.member.role ?? '') : 'visitor';
    return JSON.stringify([view, pageKey, role, Boolean(locals.isStaff), Boolean(locals.isAdmin), locals.requestPath]);
  }

  /** The page kept under `key` with `csrfToken` spliced in, or null when none is current. */
  get(key: string, csrfToken: () => string, now = Date.now()): string | null {
    const kept = this.pages.get(key);
    if (!kept || now - kept.storedAt >= KEPT_PAGE_MAX_AGE_MS) {
      return null;
    }
    return splice(kept.pieces, csrfToken);
  }

  /**
   * Renders the page once with the token's stand-in (`render` gets the `csrfToken` the model must
   * use), keeps it under `key` and gives this view's page.
   */
  async render(
    key: string,
    render: (csrfToken: () => string) => Promise<string>,
    csrfToken: () => string,
    now = Date.now(),
  ): Promise<string> {
    const html = await render(() => this.tokenStandIn);
    const pieces = html.split(this.tokenStandIn);
    this.pages.set(key, { pieces, storedAt: now });
    return splice(pieces, csrfToken);
  }
}

/** The token is asked for only when the page has a form: asking starts a session's token. */
function splice(pieces: string[], csrfToken: () => string): string {
  return pieces.length === 1 ? pieces[0] : pieces.join(escapeHtml(csrfToken()));
}
