import { normaliseCompany, normalisePerson } from './names';

describe('normaliseCompany', () => {
  it('matches the same company written differently', () => {
    const forms = ['Acme, Inc.', 'ACME Incorporated', 'The Acme Corp', 'acme', 'Acme Holdings Ltd'];
    expect(new Set(forms.map(normaliseCompany))).toEqual(new Set(['acme']));
    expect(normaliseCompany('Procter & Gamble Co.')).toBe(normaliseCompany('Procter and Gamble'));
    expect(normaliseCompany('Nestlé S.A.')).toBe('nestle s a');
    expect(normaliseCompany('Société Générale')).toBe('societe generale');
  });

  it('keeps a name that is only a suffix word, and tells different companies apart', () => {
    expect(normaliseCompany('The Company')).toBe('company');
    expect(normaliseCompany('Group')).toBe('group');
    expect(normaliseCompany('Acme Air')).not.toBe(normaliseCompany('Acme'));
  });
});

describe('normalisePerson', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalisePerson('  José  O’Neil-Smith ')).toBe('jose o neil smith');
    expect(normalisePerson('JOSE O NEIL SMITH')).toBe('jose o neil smith');
  });
});
