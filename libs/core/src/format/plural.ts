/**
 * A count with its noun, singular at exactly one: "0 members", "1 member", "2 members". `plural`
 * defaults to the noun with an "s" ("reply" → pass "replies"). Pages use it as the `plural` filter
 * (`{{ n | plural('member') }}`), so no template writes the rule out again. Pure.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
