import { OneOf, OptionalText, RequiredText } from '@roundtable/core';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { safeHttpUrl } from './markdown';
import { VISIBILITIES, type Visibility } from './post.schema';
import { parseUtc } from './publish-time';

export const GUEST_ACTIONS = ['save', 'submit'] as const;
export const STAFF_ACTIONS = ['save', 'submit', 'publish'] as const;
export type PostAction = (typeof STAFF_ACTIONS)[number];

const SLUG_MESSAGE = 'Use lower-case letters, digits and hyphens only, like “seven-accountabilities”.';

/** An http(s) address, as the cover image must be (anything else could run script or leak). */
function IsHttpAddress(message: string): PropertyDecorator {
  return ValidateBy(
    { name: 'isHttpAddress', validator: { validate: (value) => safeHttpUrl(value) !== null } },
    { message },
  );
}

/** A time as the editor's `datetime-local` field sends it (read as UTC, see `parseUtc`). */
function IsFormTime(message: string): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFormTime',
      validator: { validate: (value) => typeof value === 'string' && !Number.isNaN(parseUtc(value).getTime()) },
    },
    { message },
  );
}

/**
 * The post editor's fields, as a browser sends them: every value a string. The limits are the
 * stored post's; rules across fields (tiers for tier visibility) and the free slug are the
 * service's (`postFieldsFrom`, `PostsService`).
 */
abstract class PostFieldsDto {
  @RequiredText(200, {
    missing: 'Please give the post a title.',
    tooLong: 'Please keep the title under 200 characters.',
  })
  title!: string;

  /** Typed in any case; stored lower-case. Empty means one is made from the title. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() || undefined : value,
  )
  @IsOptional()
  @IsString({ message: SLUG_MESSAGE })
  @MaxLength(80, { message: 'Please keep the address under 80 characters.' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: SLUG_MESSAGE })
  slug?: string;

  @RequiredText(100_000, {
    missing: 'Please write the post.',
    tooLong: 'Please keep the post under 100,000 characters.',
  })
  bodyMarkdown!: string;

  @OptionalText(300, 'Please keep the excerpt under 300 characters.')
  excerpt?: string;

  @OptionalText(500, 'Please keep the cover image address under 500 characters.')
  @IsHttpAddress('The cover image must be an http or https address.')
  coverImageUrl?: string;

  @OptionalText(300, 'Please keep the tags under 300 characters.')
  tags?: string;

  @OptionalText(300, 'Please keep the categories under 300 characters.')
  categories?: string;

  /** Left out means public (the select always sends one). */
  @IsOptional()
  @OneOf(VISIBILITIES, 'Choose public, members or specific tiers.')
  visibility?: Visibility;

  @OptionalText(200, 'Please keep the tiers under 200 characters.')
  tiers?: string;

  /** The button pressed; none (Enter in a field) saves. */
  abstract action?: PostAction;
}

/** The post editor as a guest author submits it (`/portal/posts`). */
export class GuestPostDto extends PostFieldsDto {
  @IsOptional()
  @OneOf(GUEST_ACTIONS, 'Choose to save the draft or to submit it for review.')
  action?: PostAction;
}

/** The post editor as staff submit it (`/admin/posts`): publishing too, and when. */
export class StaffPostDto extends PostFieldsDto {
  @IsOptional()
  @OneOf(STAFF_ACTIONS, 'Choose to save the draft, send it to review or publish it.')
  action?: PostAction;

  /** Empty means now; a time to come schedules the post. */
  @OptionalText(30, 'Give the publication time as a date and time.')
  @IsFormTime('Give the publication time as a date and time.')
  publishAt?: string;

  /** A published report to attach (the editor's select); empty means none. Checked by PostsService. */
  @OptionalText(64, 'There is no published report with this id; choose one from the list.')
  reportId?: string;
}

export type PostDto = GuestPostDto | StaffPostDto;

/** Staff's note when they return a guest post to its author; it goes into the email the author gets. */
export class ReturnToAuthorDto {
  @RequiredText(2000, {
    missing: 'Please tell the author what to change; the note goes in the email they receive.',
    tooLong: 'Please keep the note under 2,000 characters.',
  })
  note!: string;
}
