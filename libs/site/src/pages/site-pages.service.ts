import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { renderMarkdown } from '@roundtable/blog';
import { NotFoundError } from '@roundtable/core';
import { DEFAULT_PAGES, SITE_PAGES, type SitePageKey } from './default-pages';
import { SitePageRepository } from './site-page.repository';

export interface PageValues {
  title: string;
  bodyMarkdown: string;
}
export type PageErrors = Partial<Record<keyof PageValues, string>>;

const isKey = (key: string): key is SitePageKey => (SITE_PAGES as readonly string[]).includes(key);

/** About, Privacy and Contact: shown to everyone, edited by staff in Markdown. */
@Injectable()
export class SitePages {
  constructor(private readonly pages: SitePageRepository) {}

  async page(key: string) {
    const { title, bodyHtml } = await this.current(this.keyOrFail(key));
    return { title, bodyHtml, key, description: `${title} — Roundtable, the council of Chief Customer Officers.` };
  }

  async editForm(key: string, values?: PageValues, errors: PageErrors = {}) {
    const page = await this.current(this.keyOrFail(key));
    return {
      title: `Edit “${page.title}”`,
      key,
      values: values ?? { title: page.title, bodyMarkdown: page.bodyMarkdown },
      errors,
      edited: page.updatedAt,
    };
  }

  /** Saves the page, or returns the form's values and errors. */
  async save(key: string, body: Record<string, unknown>, staff: SessionMember) {
    const pageKey = this.keyOrFail(key);
    const values: PageValues = {
      title: typeof body.title === 'string' ? body.title.trim() : '',
      bodyMarkdown: typeof body.bodyMarkdown === 'string' ? body.bodyMarkdown.trim() : '',
    };
    const errors: PageErrors = {};
    if (!values.title) {
      errors.title = 'Please give the page a title.';
    } else if (values.title.length > 120) {
      errors.title = 'Please keep the title to 120 characters or fewer.';
    }
    if (!values.bodyMarkdown) {
      errors.bodyMarkdown = 'Please write the page’s text.';
    } else if (values.bodyMarkdown.length > 20_000) {
      errors.bodyMarkdown = 'Please keep the text under 20,000 characters.';
    }
    if (Object.keys(errors).length > 0) {
      return { values, errors };
    }
    await this.pages.save({
      _id: pageKey,
      ...values,
      bodyHtml: renderMarkdown(values.bodyMarkdown),
      updatedAt: new Date(),
      updatedBy: staff.id,
    });
    return null;
  }

  private async current(key: SitePageKey) {
    const saved = await this.pages.find(key);
    if (saved) {
      return saved;
    }
    const fallback = DEFAULT_PAGES[key];
    return { ...fallback, bodyHtml: renderMarkdown(fallback.bodyMarkdown), updatedAt: null };
  }

  private keyOrFail(key: string): SitePageKey {
    if (!isKey(key)) {
      throw new NotFoundError('There is no such page.');
    }
    return key;
  }
}
