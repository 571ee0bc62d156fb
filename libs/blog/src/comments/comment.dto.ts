import { OneOf, OptionalText, RequiredText } from '@roundtable/core';
import { IsOptional, Matches } from 'class-validator';

/** The longest comment (the service counts again after cleaning the text). */
export const MAX_COMMENT_LENGTH = 5000;

/** Addresses we can email; the same shape the guest check used before the DTO. */
const EMAIL = /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,}$/;

const bodyRules = RequiredText(MAX_COMMENT_LENGTH, {
  missing: 'Please write your comment.',
  tooLong: 'Please keep your comment under 5,000 characters.',
});

/** The comment text on its own: editing a comment. */
export class CommentEditDto {
  @bodyRules
  body!: string;
}

/**
 * A new comment or reply as the form sends it. A guest's name and address are required only of
 * guests (the service says so, naming the field); members' come from their record.
 */
export class CommentDto extends CommentEditDto {
  @OptionalText(80, 'Please keep your name under 80 characters.')
  name?: string;

  @OptionalText(320, 'Please give an email address of at most 320 characters.')
  @Matches(EMAIL, { message: 'Please give a valid email address (it is never shown).' })
  email?: string;

  /** The comment replied to (a reply sent from the post page's form; the reply page has it in its address). */
  @OptionalText(24, 'The comment you are replying to is not on this post.')
  @Matches(/^[a-f0-9]{24}$/, { message: 'The comment you are replying to is not on this post.' })
  parentId?: string;

  /** A checkbox: sent as 'on' when ticked, left out when not. */
  @IsOptional()
  @OneOf(['on', 'true'], 'Tick the box to get an email when someone replies, or leave it clear.')
  notifyReplies?: 'on' | 'true';

  /** The honeypot: a field people never see and bots fill in. */
  @OptionalText(200, 'Please leave this field empty.')
  website?: string;
}
