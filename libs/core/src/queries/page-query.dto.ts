import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { DEFAULT_PAGE_SIZE, isCursor } from './keyset';

/** The most rows one page of any list shows: a page is one bounded, indexed read. */
export const MAX_PAGE_SIZE = 100;

/** A page link's cursor (`after` or `before`), as `keyset.ts` writes it. */
function IsPageCursor(): PropertyDecorator {
  return ValidateBy({
    name: 'isPageCursor',
    validator: {
      validate: (value: unknown) => isCursor(value),
      defaultMessage: () => 'That page link is out of date or incomplete, so the first page is shown.',
    },
  });
}

/**
 * The paging part of every list's query DTO: extend it with the list's filters and read it with
 * `@ListQuery(YourQuery)`. A size outside 1–100 falls back to the default page size, and a cursor
 * this code did not write reads the first page; each is reported in the parsed query's `ignored`.
 */
export class PageQuery {
  @IsOptional()
  @IsPageCursor()
  after?: string;

  @IsOptional()
  @IsPageCursor()
  before?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: `A page shows between 1 and ${MAX_PAGE_SIZE} rows; showing ${DEFAULT_PAGE_SIZE}.` })
  @Min(1, { message: `A page shows between 1 and ${MAX_PAGE_SIZE} rows; showing ${DEFAULT_PAGE_SIZE}.` })
  @Max(MAX_PAGE_SIZE, { message: `A page shows between 1 and ${MAX_PAGE_SIZE} rows; showing ${DEFAULT_PAGE_SIZE}.` })
  size: number = DEFAULT_PAGE_SIZE;
}
