import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { renderMarkdown } from '@roundtable/blog';
import { FormOutcome, NotFoundError, type PageRequest } from '@roundtable/core';
import { DEFAULT_PAGES, SITE_PAGES, type SitePageKey } from './default-pages';
import type { SitePageDto } from './site-page.dto';
import { SitePageRepository } from './site-page.repository';

const isKey = (key: string): key is SitePageKey => (SITE_PAGES as readonly string[]).includes(key);

/** About, Privacy and Contact: shown to everyone, edited by staff in Markdown. */
@Injectable()
export class SitePages {
  constructor(private readonly pages: SitePageRepository) {}

  async page(key: string) {
    const { title, bodyHtml } = await this.current(this.keyOrFail(key));
    return { title, bodyHtml, key, description: `${title} — Roundtable, the council of Chief Customer Officers.` };
  }

  /** The editor of one page, filled with its current text. */
  async editForm(key: string) {
    const page = await this.current(this.keyOrFail(key));
    return {
      title: `Edit “${page.title}”`,
      key,
      values: { title: page.title, bodyMarkdown: page.bodyMarkdown },
      errors: {},
      edited: page.updatedAt,
    };
  }

  /** The editor's page model when the kit shows a refused form again (values and errors are the kit's). */
  editPage({ params }: PageRequest) {
    return this.editForm(params?.key ?? '');
  }

  /** Saves the page (Markdown and its HTML) and shows it. */
  async save(key: string, form: SitePageDto, staff: SessionMember): Promise<FormOutcome> {
    const pageKey = this.keyOrFail(key);
    await this.pages.save({
      _id: pageKey,
      title: form.title,
      bodyMarkdown: form.bodyMarkdown,
      bodyHtml: renderMarkdown(form.bodyMarkdown),
      updatedAt: new Date(),
      updatedBy: staff.id,
    });
    return FormOutcome.ok(`/${pageKey}`);
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
