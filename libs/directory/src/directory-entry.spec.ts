import { chosenFields, type DirectoryQuery, directoryEntry, matches } from './directory-entry';

const member = {
  _id: 'm1',
  name: 'Avery Chen',
  profile: {
    title: 'Chief Customer Officer',
    company: 'Northwind',
    ccoModel: 'Generalist',
    industry: 'Insurance',
    revenueBand: '>$1B',
    linkedinUrl: 'https://www.linkedin.com/in/avery-chen',
  },
};

describe('directoryEntry', () => {
  it('shows only the fields the member chose', () => {
    expect(directoryEntry(member, ['name', 'company'])).toEqual({ id: 'm1', name: 'Avery Chen', company: 'Northwind' });
    expect(directoryEntry(member, ['linkedinUrl', 'revenueBand'])).toEqual({
      id: 'm1',
      linkedinUrl: 'https://www.linkedin.com/in/avery-chen',
      revenueBand: '>$1B',
    });
  });

  it('leaves out empty fields and LinkedIn addresses that are not LinkedIn profiles', () => {
    const odd = { _id: 'm2', name: 'B', profile: { title: '', linkedinUrl: 'javascript:alert(1)' } };
    expect(directoryEntry(odd, ['name', 'title', 'linkedinUrl'])).toEqual({ id: 'm2', name: 'B' });
    expect(directoryEntry({ _id: 'm3', name: 'C', profile: null }, ['name', 'company'])).toEqual({
      id: 'm3',
      name: 'C',
    });
  });
});

describe('matches', () => {
  const all: DirectoryQuery = { q: '', ccoModel: '', industry: '', revenueBand: '' };

  it('searches and filters the shown fields only, so a hidden value cannot be found out', () => {
    const shown = directoryEntry(member, ['name', 'title', 'company', 'ccoModel', 'industry', 'revenueBand']);
    const hidden = directoryEntry(member, ['name']);
    expect(matches(shown, { ...all, q: 'avery north' })).toBe(true);
    expect(matches(shown, { ...all, q: 'acme' })).toBe(false);
    expect(matches(shown, { ...all, industry: 'Insurance', revenueBand: '>$1B' })).toBe(true);
    expect(matches(hidden, { ...all, industry: 'Insurance' })).toBe(false);
    expect(matches(hidden, { ...all, q: 'northwind' })).toBe(false);
  });
});

describe('chosenFields', () => {
  it('keeps known fields in the directory order, whether one or several were ticked', () => {
    expect(chosenFields(['company', 'name', 'email'])).toEqual(['name', 'company']);
    expect(chosenFields('title')).toEqual(['title']);
    expect(chosenFields(undefined)).toEqual([]);
  });
});
