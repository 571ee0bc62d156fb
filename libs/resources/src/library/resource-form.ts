/**
 * The staff form that describes a resource (the file is checked separately, by its content). Pure:
 * returns the values as typed, for re-rendering, and a message per field a person can act on.
 */
export interface ResourceFormValues {
  title: string;
  summary: string;
  category: string;
  tiers: string[];
}
export type ResourceFormErrors = Partial<Record<keyof ResourceFormValues | 'file', string>>;

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max + 1) : '');

/** Checkbox groups arrive as a string (one ticked) or an array (several). */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()))];
}

export function validateResourceForm(
  body: Record<string, unknown>,
  knownTiers: string[],
): { values: ResourceFormValues; errors: ResourceFormErrors } {
  const values: ResourceFormValues = {
    title: text(body.title, 150),
    summary: text(body.summary, 600),
    category: text(body.category, 60),
    tiers: list(body.tiers).slice(0, 20),
  };
  const errors: ResourceFormErrors = {};
  if (!values.title) {
    errors.title = 'Please give the document a title.';
  } else if (values.title.length > 150) {
    errors.title = 'Please keep the title to 150 characters or fewer.';
  }
  if (!values.summary) {
    errors.summary = 'Please write a short summary: visitors see it before they join.';
  } else if (values.summary.length > 600) {
    errors.summary = 'Please keep the summary to 600 characters or fewer.';
  }
  if (!values.category) {
    errors.category = 'Please give a category, such as “Role definition” or “Research”.';
  } else if (values.category.length > 60) {
    errors.category = 'Please keep the category to 60 characters or fewer.';
  }
  if (values.tiers.length === 0) {
    errors.tiers = 'Please choose at least one tier whose members may download it.';
  } else if (values.tiers.some((tier) => !knownTiers.includes(tier))) {
    errors.tiers = 'Please choose among the tiers listed.';
  }
  return { values, errors };
}
