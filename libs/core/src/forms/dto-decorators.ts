import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Leading and trailing spaces are never part of what a person meant to type. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** A text field that must be filled in, at most `max` characters once trimmed. */
export function RequiredText(max: number, messages: { missing: string; tooLong: string }): PropertyDecorator {
  return applyDecorators(
    Trim(),
    IsString({ message: messages.missing }),
    IsNotEmpty({ message: messages.missing }),
    MaxLength(max, { message: messages.tooLong }),
  );
}

/**
 * A text field that may be left empty (or left out), at most `max` characters once trimmed. An
 * empty field arrives as `undefined`, so further rules (`@Matches`) apply only to what was typed.
 */
export function OptionalText(max: number, tooLong: string): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      const trimmed = typeof value === 'string' ? value.trim() : value;
      return trimmed === '' ? undefined : trimmed;
    }),
    IsOptional(),
    IsString({ message: tooLong }),
    MaxLength(max, { message: tooLong }),
  );
}

/** One of a fixed list of choices (a select or radio group). */
export function OneOf(choices: readonly string[], message: string): PropertyDecorator {
  return applyDecorators(Trim(), IsString({ message }), IsIn([...choices], { message }));
}

/**
 * A repeated field (a checkbox group, a list of items) as a list: a browser sends one value as a
 * string, several as a list, and none at all when nothing is ticked (an empty list then).
 */
export function AsList(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value],
  );
}
