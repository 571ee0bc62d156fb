import { checkBody } from '@roundtable/core';
import { profileFormValues } from './profile';
import { ProfileDto, profileFrom } from './profile.dto';

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

describe(ProfileDto.name, () => {
  it('accepts a complete profile and trims and types its values', async () => {
    const { value, errors } = await checkBody(ProfileDto, valid);
    expect(errors).toEqual({});
    expect(profileFrom(value)).toMatchObject({
      name: 'Jordan Lee',
      profile: { boardMember: false, yearsInRole: 3, revenueBand: '>$1B' },
    });
  });

  it('names every wrong field with a message a person can act on', async () => {
    const { errors } = await checkBody(ProfileDto, {
      ...valid,
      title: '   ',
      revenueBand: '$5',
      yearsInRole: 'three',
      linkedinUrl: 'javascript:alert(1)',
    });
    expect(errors).toEqual({
      title: 'Please enter your job title.',
      revenueBand: 'Please choose your company’s annual revenue band.',
      yearsInRole: 'Please enter whole years in your role, from 0 to 60.',
      linkedinUrl: 'Please enter your public LinkedIn address, like https://www.linkedin.com/in/your-name.',
    });
  });

  it('refuses an unknown field, a wrong type and an over-long value, naming each', async () => {
    const { errors } = await checkBody(ProfileDto, {
      ...valid,
      role: 'admin',
      company: { $gt: '' },
      name: 'x'.repeat(101),
    });
    expect(errors).toEqual({
      role: 'There is no field named “role” here.',
      company: 'Please enter your company.',
      name: 'Please keep your name under 100 characters.',
    });
  });

  it('takes 0 to 60 years in the role, and an empty LinkedIn address', async () => {
    for (const years of ['0', '07', '60']) {
      expect((await checkBody(ProfileDto, { ...valid, yearsInRole: years })).errors).toEqual({});
    }
    expect((await checkBody(ProfileDto, { ...valid, yearsInRole: '61' })).errors).toHaveProperty('yearsInRole');
    const { value, errors } = await checkBody(ProfileDto, { ...valid, linkedinUrl: '  ' });
    expect(errors).toEqual({});
    expect(profileFrom(value).profile.linkedinUrl).toBe('');
  });

  it('round-trips a stored profile into form values', async () => {
    const { value } = await checkBody(ProfileDto, valid);
    const { name, profile } = profileFrom(value);
    const again = await checkBody(ProfileDto, profileFormValues(name, profile));
    expect(again.errors).toEqual({});
    expect(profileFrom(again.value)).toEqual({ name, profile });
  });
});
