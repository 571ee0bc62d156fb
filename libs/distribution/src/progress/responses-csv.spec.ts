import { csvLine } from '@roundtable/core';
import { csvHeader, csvRow } from './responses-csv';

const items = [
  { key: 'a', label: 'Customer strategy' },
  { key: 'b', label: 'Voice of the customer, programme' },
  { key: 'c', label: 'Change management' },
];

describe('responses CSV', () => {
  it('writes each item’s rank, blank when not held, and the profile answers', () => {
    expect(csvHeader(items, ['revenueBand'])).toEqual([
      'respondent',
      'status',
      'started_at',
      'completed_at',
      'Customer strategy',
      'Voice of the customer, programme',
      'Change management',
      'revenueBand',
    ]);
    const row = csvRow(
      7,
      {
        status: 'completed',
        held: ['c', 'a'],
        profile: { revenueBand: '$1B+' },
        startedAt: new Date('2026-01-02T10:00:00Z'),
        completedAt: new Date('2026-01-02T10:05:00Z'),
      },
      items,
      ['revenueBand'],
    );
    expect(row).toEqual([
      '7',
      'completed',
      '2026-01-02T10:00:00.000Z',
      '2026-01-02T10:05:00.000Z',
      '2',
      '',
      '1',
      '$1B+',
    ]);
  });

  it('writes the header through the one CSV writer: an item label with a comma is quoted', () => {
    expect(csvLine(csvHeader(items, []))).toBe(
      'respondent,status,started_at,completed_at,Customer strategy,"Voice of the customer, programme",Change management\r\n',
    );
  });
});
