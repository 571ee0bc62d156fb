import { parseQuery } from '@roundtable/core';
import { DirectoryQueryDto } from './directory-query.dto';

describe(DirectoryQueryDto.name, () => {
  it('keeps a search and listed choices, ignores unknown keys, and names a value it drops', () => {
    const { value, ignored } = parseQuery(DirectoryQueryDto, {
      q: ' northwind ',
      industry: 'Insurance',
      ccoModel: 'Astronaut',
      revenueBand: ['>$1B', '<$100M'],
      utm_source: 'mail',
    });
    expect({ ...value }).toEqual({ q: 'northwind', industry: 'Insurance' });
    expect(Object.keys(ignored).sort()).toEqual(['ccoModel', 'revenueBand']);
  });
});
