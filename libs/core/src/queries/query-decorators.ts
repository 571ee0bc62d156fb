import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A filter's "Any" (an empty select or box) is no filter at all. */
const emptyIsAbsent = Transform(({ value }: { value: unknown }) => {
  const trimmed = typeof value === 'string' ? value.trim() : value;
  return trimmed === '' ? undefined : trimmed;
});

/** A list filter chosen from fixed choices (a select); empty means any. */
export function QueryChoice(choices: readonly string[], message: string): PropertyDecorator {
  return applyDecorators(emptyIsAbsent, IsOptional(), IsString({ message }), IsIn([...choices], { message }));
}

/**
 * A list filter typed as text (a search box), at most `max` characters; empty means none. Values
 * the DTO keeps are plain text: a repository escapes them before any pattern is built.
 */
export function QueryText(max: number, message: string): PropertyDecorator {
  return applyDecorators(emptyIsAbsent, IsOptional(), IsString({ message }), MaxLength(max, { message }));
}

/**
 * A list filter whose choices live in the database (a tier's slug): the DTO checks its form, and
 * the service checks it names a stored choice, reporting it as ignored when not.
 */
export function QuerySlug(message: string): PropertyDecorator {
  return applyDecorators(
    emptyIsAbsent,
    IsOptional(),
    IsString({ message }),
    MaxLength(60, { message }),
    Matches(/^[a-z0-9][a-z0-9_-]*$/i, { message }),
  );
}
