import { createParamDecorator, type ExecutionContext, Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, validate } from 'class-validator';
import { fieldErrorsFrom, InvalidInputError, type FieldErrors } from '@roundtable/core';

/** The longest answer a field of the form can hold (its options are short; a priority is 1–3 digits). */
export const MAX_ANSWER_LENGTH = 200;
/** More item or profile fields than any survey has (a survey holds at most a few dozen items). */
const MAX_FIELDS = 100;
const FIELD_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The response form as it arrives without JavaScript: `held` (the ticked items), `none` ("None of
 * these are mine"), `action` (which
 * button), and one field per item and per profile question, `rank_<key>` and `profile_<key>`. Those
 * are grouped by key into `ranks` and `profile` (`groupAnswerFields`) and checked entry by entry by
 * `ResponseAnswerPipe`; whether a key belongs to the survey is the service's check (`readResponseForm`).
 */
export class ResponseAnswerDto {
  // One ticked box arrives as text, several as a list.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsOptional()
  @IsArray({ message: 'Your answer did not come from this form. Please reload the page and answer again.' })
  @ArrayMaxSize(MAX_FIELDS, { message: 'Your answer ticked more items than this survey has.' })
  @IsString({
    each: true,
    message: 'Your answer did not come from this form. Please reload the page and answer again.',
  })
  @MaxLength(64, { each: true, message: 'Your answer included an item that is not in this survey.' })
  held: string[] = [];

  /** "None of these are mine": holding none of the items, said explicitly (a checkbox, value "yes"). */
  @IsOptional()
  @IsIn(['yes'], { message: 'Your answer did not come from this form. Please reload the page and answer again.' })
  none?: 'yes';

  @IsOptional()
  @IsIn(['save', 'submit'], { message: 'Please press “Submit my response” or “Save and finish later”.' })
  action?: 'save' | 'submit';

  /** Each item's priority as chosen, by item key (`rank_<key>`); checked by `ResponseAnswerPipe`. */
  @Allow()
  ranks: Record<string, string> = {};

  /** Each profile answer, by question key (`profile_<key>`); checked by `ResponseAnswerPipe`. */
  @Allow()
  profile: Record<string, string> = {};
}

/** The per-item fields of a body grouped by key; everything else as it came (for the DTO to judge). */
export function groupAnswerFields(body: Record<string, unknown>): {
  fields: Record<string, unknown>;
  ranks: Record<string, unknown>;
  profile: Record<string, unknown>;
} {
  const fields: Record<string, unknown> = {};
  const ranks: Record<string, unknown> = {};
  const profile: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body ?? {})) {
    if (name.startsWith('rank_')) {
      ranks[name.slice('rank_'.length)] = value;
    } else if (name.startsWith('profile_')) {
      profile[name.slice('profile_'.length)] = value;
    } else {
      fields[name] = value;
    }
  }
  return { fields, ranks, profile };
}

/**
 * Checks one group of per-item fields (a validated map): at most `MAX_FIELDS`, keys shaped like the
 * form's, each value one text of at most `MAX_ANSWER_LENGTH`. Errors are keyed by the field's id on
 * the page (`rank-<key>`, `profile-<key>`), so the summary links to it.
 */
export function checkAnswerMap(
  group: 'rank' | 'profile',
  entries: Record<string, unknown>,
): { value: Record<string, string>; errors: FieldErrors } {
  const value: Record<string, string> = {};
  const errors: FieldErrors = {};
  const what = group === 'rank' ? 'priority' : 'answer';
  if (Object.keys(entries).length > MAX_FIELDS) {
    return {
      value,
      errors: { [group === 'rank' ? 'held' : 'profile']: `Your answer has more fields than this form.` },
    };
  }
  for (const [key, raw] of Object.entries(entries)) {
    if (!FIELD_KEY.test(key)) {
      const name = `${group}_${key}`.slice(0, 80);
      errors[name] = `There is no field named “${name}” here.`;
    } else if (typeof raw !== 'string') {
      errors[`${group}-${key}`] = `Please choose one ${what} here (the field was sent more than once).`;
    } else if (raw.trim().length > MAX_ANSWER_LENGTH) {
      errors[`${group}-${key}`] = `This ${what} is too long: choose one from the list.`;
    } else {
      value[key] = raw.trim();
    }
  }
  return { value, errors };
}

/** The request's body, for `ResponseAnswerPipe` (the global pipe leaves custom decorators alone). */
export const AnswerBody = createParamDecorator((_: unknown, context: ExecutionContext): unknown => {
  return context.switchToHttp().getRequest<{ body?: unknown }>().body ?? {};
});

/**
 * Turns the submitted response form into a `ResponseAnswerDto`, or refuses it naming each field
 * (`InvalidInputError`, shown as the form again with 422 and what was typed): unknown fields, a field
 * sent twice, an over-long value. Use as `@AnswerBody(ResponseAnswerPipe) answer: ResponseAnswerDto`.
 */
@Injectable()
export class ResponseAnswerPipe implements PipeTransform<unknown, Promise<ResponseAnswerDto>> {
  async transform(body: unknown): Promise<ResponseAnswerDto> {
    const { fields, ranks, profile } = groupAnswerFields((body ?? {}) as Record<string, unknown>);
    const checkedRanks = checkAnswerMap('rank', ranks);
    const checkedProfile = checkAnswerMap('profile', profile);
    const misnamed: FieldErrors = {};
    for (const name of ['ranks', 'profile'].filter((key) => key in fields)) {
      // The grouped names are ours, not the form's.
      misnamed[name] = `There is no field named “${name}” here.`;
      delete fields[name];
    }
    const answer = plainToInstance(ResponseAnswerDto, fields);
    const errors = {
      ...fieldErrorsFrom(await validate(answer, { whitelist: true, forbidNonWhitelisted: true })),
      ...checkedRanks.errors,
      ...checkedProfile.errors,
      ...misnamed,
    };
    if (Object.keys(errors).length > 0) {
      throw new InvalidInputError(errors);
    }
    answer.ranks = checkedRanks.value;
    answer.profile = checkedProfile.value;
    return answer;
  }
}
