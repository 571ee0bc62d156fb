import { validateResourceForm } from './resource-form';

describe('validateResourceForm', () => {
  const tiers = ['associate', 'council'];

  it('accepts a described document for one or several tiers, trimmed', () => {
    expect(
      validateResourceForm(
        { title: ' The CCO job description ', summary: 'What the role owns.', category: 'Role', tiers: 'council' },
        tiers,
      ),
    ).toEqual({
      values: {
        title: 'The CCO job description',
        summary: 'What the role owns.',
        category: 'Role',
        tiers: ['council'],
      },
      errors: {},
    });
    expect(
      validateResourceForm({ title: 'T', summary: 'S', category: 'C', tiers: ['associate', 'council'] }, tiers).errors,
    ).toEqual({});
  });

  it('names every missing or wrong field', () => {
    const { errors } = validateResourceForm({ title: '', summary: 'x'.repeat(601), tiers: ['platinum'] }, tiers);
    expect(errors).toEqual({
      title: 'Please give the document a title.',
      summary: 'Please keep the summary to 600 characters or fewer.',
      category: 'Please give a category, such as “Role definition” or “Research”.',
      tiers: 'Please choose among the tiers listed.',
    });
    expect(validateResourceForm({ title: 'T', summary: 'S', category: 'C' }, tiers).errors.tiers).toBe(
      'Please choose at least one tier whose members may download it.',
    );
  });
});
