import { checkBody } from '@roundtable/core';
import { ResourceDto, resourceFieldsFrom, unknownTiers } from './resource.dto';

describe(ResourceDto.name, () => {
  it('accepts a described document for one or several tiers, trimmed, each tier once', async () => {
    const one = await checkBody(ResourceDto, {
      title: ' The CCO job description ',
      summary: 'What the role owns.',
      category: 'Role',
      tiers: 'council',
    });
    expect(one.errors).toEqual({});
    expect(resourceFieldsFrom(one.value)).toEqual({
      title: 'The CCO job description',
      summary: 'What the role owns.',
      category: 'Role',
      tiers: ['council'],
    });
    const several = await checkBody(ResourceDto, {
      title: 'T',
      summary: 'S',
      category: 'C',
      tiers: ['associate', 'council', 'associate'],
    });
    expect(several.errors).toEqual({});
    expect(resourceFieldsFrom(several.value).tiers).toEqual(['associate', 'council']);
  });

  it('names every missing or over-long field, and a form with no tier ticked', async () => {
    const { errors } = await checkBody(ResourceDto, { title: '', summary: 'x'.repeat(601), category: 'c'.repeat(61) });
    expect(errors).toEqual({
      title: 'Please give the document a title.',
      summary: 'Please keep the summary to 600 characters or fewer.',
      category: 'Please keep the category to 60 characters or fewer.',
      tiers: 'Please choose at least one tier whose members may download it.',
    });
  });

  it('finds tiers that do not exist', async () => {
    const { value } = await checkBody(ResourceDto, { title: 'T', summary: 'S', category: 'C', tiers: ['platinum'] });
    expect(unknownTiers(value, ['associate', 'council'])).toEqual(['platinum']);
  });
});
