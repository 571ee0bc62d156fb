import { checkBody } from '@roundtable/core';
import { normaliseCode } from './sign-in-code';
import { RequestLinkDto, UseCodeDto } from './sign-in.dto';

describe(RequestLinkDto.name, () => {
  it('accepts an address (trimmed) and an optional page to return to', async () => {
    const { value, errors } = await checkBody(RequestLinkDto, { email: ' Pat@Example.com ', returnTo: '' });
    expect(errors).toEqual({});
    expect(value).toMatchObject({ email: 'Pat@Example.com', returnTo: undefined });
  });

  it.each([
    [
      'not an address',
      { email: 'not-an-address' },
      { email: 'Please enter a valid email address, like name@company.com.' },
    ],
    ['a missing address', {}, { email: 'Please enter a valid email address, like name@company.com.' }],
    ['two addresses', { email: ['a@b.test', 'c@d.test'] }, { email: expect.stringContaining('valid email') }],
    [
      'an over-long address',
      { email: `${'a'.repeat(250)}@b.test` },
      { email: 'An email address has at most 254 characters.' },
    ],
    [
      'an over-long return page',
      { email: 'a@b.test', returnTo: `/${'a'.repeat(500)}` },
      { returnTo: expect.any(String) },
    ],
    ['an unknown field', { email: 'a@b.test', name: 'Pat' }, { name: 'There is no field named “name” here.' }],
  ])('refuses %s, naming the field', async (_case, body, expected) => {
    expect((await checkBody(RequestLinkDto, body)).errors).toEqual(expected);
  });
});

describe(UseCodeDto.name, () => {
  it.each(['123456', '123 456', '123-456', ' 12 34 56 '])(
    'accepts the code typed as %p, as the service reads it',
    async (code) => {
      const { value, errors } = await checkBody(UseCodeDto, { email: 'a@b.test', code });
      expect(errors).toEqual({});
      expect(normaliseCode(value.code)).toBe('123456');
    },
  );

  it.each(['abc', '12345', '1234567', '', '123 456 789 000 111 222'])('refuses the code %p', async (code) => {
    expect((await checkBody(UseCodeDto, { email: 'a@b.test', code })).errors).toEqual({
      code: 'Please enter the six-digit code from the email we sent you.',
    });
  });
});
