import { checkBody } from '@roundtable/core';
import { DirectoryChoicesDto } from './directory-choices.dto';

describe(DirectoryChoicesDto.name, () => {
  it('reads one ticked field, several, or none', async () => {
    expect((await checkBody(DirectoryChoicesDto, { listed: 'yes', fields: 'name' })).value.fields).toEqual(['name']);
    const several = await checkBody(DirectoryChoicesDto, { listed: 'yes', fields: ['name', 'company'] });
    expect(several).toMatchObject({ value: { listed: 'yes', fields: ['name', 'company'] }, errors: {} });
    expect(await checkBody(DirectoryChoicesDto, { listed: 'no' })).toMatchObject({ value: { fields: [] }, errors: {} });
  });

  it('names a missing choice and a field the directory does not show', async () => {
    expect((await checkBody(DirectoryChoicesDto, { fields: ['name', 'email'] })).errors).toEqual({
      listed: 'Please choose whether to be listed in the members’ directory.',
      fields: 'Please tick what peers see of you among the fields listed.',
    });
  });
});
