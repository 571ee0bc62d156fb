import { profileFormValues, validateProfileForm } from './profile';

const valid = {
  name: ' Jordan Lee ',
  title: 'Chief Customer Officer',
  company: 'Acme',
  revenueBand: '>$1B',
  businessModel: 'B2B',
  industry: 'Software and technology',
  ccoModel: 'Generalist',
  reportsTo: 'CEO',
  boardMember: 'no',
  yearsInRole: '3',
  linkedinUrl: 'https://www.linkedin.com/in/jordan-lee',
};

describe(validateProfileForm.name, () => {
  it('accepts a complete profile and trims and types its values', () => {
    const { profile, errors } = validateProfileForm(valid);
    expect(errors).toEqual({});
    expect(profile).toMatchObject({ name: 'Jordan Lee', boardMember: false, yearsInRole: 3, revenueBand: '>$1B' });
  });

  it('names every wrong field and keeps what was typed', () => {
    const { profile, errors, values } = validateProfileForm({
      ...valid,
      title: '',
      revenueBand: '$5',
      yearsInRole: 'three',
      linkedinUrl: 'javascript:alert(1)',
    });
    expect(profile).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['linkedinUrl', 'revenueBand', 'title', 'yearsInRole']);
    expect(values.company).toBe('Acme');
    expect(values.yearsInRole).toBe('three');
  });

  it('ignores fields that are not strings', () => {
    const { errors } = validateProfileForm({ ...valid, company: { $gt: '' } });
    expect(errors.company).toBe('Please enter your company.');
  });

  it('round-trips a stored profile into form values', () => {
    const { profile } = validateProfileForm(valid);
    const values = profileFormValues('Jordan Lee', profile);
    expect(validateProfileForm(values).profile).toEqual(profile);
  });
});
