import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ConflictError } from '@roundtable/core';
import type { SessionMember } from '@roundtable/auth';
import { StaffPostDto } from './post.dto';
import { PostsService } from './posts.service';

/** A post another feature writes for staff to edit (reporting's "Draft a post" from a finding). */
export interface DraftPost {
  title: string;
  markdown: string;
  /** The published report the post attaches as its card. */
  reportId: string | null;
  /** An absolute http(s) address (the share card), or null. */
  coverImageUrl: string | null;
  tags: string[];
}

/**
 * Drafts written by other features go through the editor's own rules (the same fields, slug and
 * Markdown rendering as a post staff type), saved as a draft for staff to edit and publish.
 */
@Injectable()
export class PostDrafts {
  constructor(private readonly posts: PostsService) {}

  /** Saves the draft as `author`; returns the editor's address of the new post. */
  async createDraft(author: SessionMember, draft: DraftPost): Promise<string> {
    const form = plainToInstance(StaffPostDto, {
      title: draft.title,
      bodyMarkdown: draft.markdown,
      tags: draft.tags.join(', '),
      reportId: draft.reportId ?? '',
      coverImageUrl: draft.coverImageUrl ?? '',
      visibility: 'public',
      action: 'save',
    });
    const outcome = await this.posts.create(author, form, '/admin/posts');
    if (outcome.kind !== 'ok') {
      throw new ConflictError(`The draft could not be saved: ${Object.values(outcome.errors).join(' ')}`);
    }
    return outcome.redirect;
  }
}
