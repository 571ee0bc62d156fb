/**
 * What the members' directory shows of a member: only the fields the member chose, and only when
 * they opted in. Search and filters look only at shown fields, so a filter can never reveal a value
 * the member kept to themselves. Pure, no Nest or mongoose.
 */
export const DIRECTORY_FIELDS = [
  'name',
  'title',
  'company',
  'ccoModel',
  'industry',
  'revenueBand',
  'linkedinUrl',
] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

export const FIELD_LABELS: Record<DirectoryField, string> = {
  name: 'Name',
  title: 'Job title',
  company: 'Company',
  ccoModel: 'CCO model',
  industry: 'Industry',
  revenueBand: 'Company revenue',
  linkedinUrl: 'LinkedIn profile',
};

/** What a new listing shows until the member changes it. */
export const DEFAULT_FIELDS: DirectoryField[] = ['name', 'title', 'company', 'ccoModel', 'industry'];

export interface DirectoryMember {
  _id: unknown;
  name: string;
  profile?: Partial<Record<Exclude<DirectoryField, 'name'>, unknown>> | null;
}

export type DirectoryEntry = { id: string } & Partial<Record<DirectoryField, string>>;

export interface DirectoryQuery {
  q: string;
  ccoModel: string;
  industry: string;
  revenueBand: string;
}

/** Checkbox values to the member's choice: known fields only, in the directory's order. */
export function chosenFields(value: unknown): DirectoryField[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return DIRECTORY_FIELDS.filter((field) => items.includes(field));
}

/** Only http(s) LinkedIn addresses become links (profiles are typed by people). */
function linkedin(value: unknown): string | undefined {
  return typeof value === 'string' && /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\//.test(value) ? value : undefined;
}

export function directoryEntry(member: DirectoryMember, fields: readonly DirectoryField[]): DirectoryEntry {
  const entry: DirectoryEntry = { id: String(member._id) };
  for (const field of fields) {
    const raw = field === 'name' ? member.name : member.profile?.[field];
    const value = field === 'linkedinUrl' ? linkedin(raw) : typeof raw === 'string' && raw ? raw : undefined;
    if (value) {
      entry[field] = value;
    }
  }
  return entry;
}

export function matches(entry: DirectoryEntry, query: DirectoryQuery): boolean {
  if (query.ccoModel && entry.ccoModel !== query.ccoModel) {
    return false;
  }
  if (query.industry && entry.industry !== query.industry) {
    return false;
  }
  if (query.revenueBand && entry.revenueBand !== query.revenueBand) {
    return false;
  }
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [entry.name, entry.title, entry.company, entry.industry, entry.ccoModel]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** Entries by name (entries without a shown name last). */
export function byName(a: DirectoryEntry, b: DirectoryEntry): number {
  return (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.id.localeCompare(b.id);
}
