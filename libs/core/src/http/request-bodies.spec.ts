import { acceptedBodyTypes, holdsNul, nestedDeeperThan } from './request-bodies';

describe('nestedDeeperThan', () => {
  it('counts each array or object as one level, scalars as none', () => {
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: 2 }] }, 2)).toBe(true);
  });

  it('checks a value nested far past the stack’s depth without overflowing', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(nestedDeeperThan(deep, 32)).toBe(true);
  });
});

describe('acceptedBodyTypes', () => {
  it('takes JSON on the API and the Stripe webhook, and forms everywhere else', () => {
    expect(acceptedBodyTypes('/api/reports/x/ranking')).toContain('application/json');
    expect(acceptedBodyTypes('/webhooks/stripe')).toContain('application/json');
    expect(acceptedBodyTypes('/s/new-link')).not.toContain('application/json');
    expect(acceptedBodyTypes('/apiary')).not.toContain('application/json');
    expect(acceptedBodyTypes('/admin/resources')).toContain('multipart/form-data');
  });
});

describe('holdsNul', () => {
  it('finds NUL in any string of a body, keys included, and nothing in a clean one', () => {
    expect(holdsNul({ title: 'A', tiers: ['x', 'y\u0000'] })).toBe(true);
    expect(holdsNul({ ['k\u0000']: 'v' })).toBe(true);
    expect(holdsNul('\u0000')).toBe(true);
    expect(holdsNul({ title: 'Résumé\t\r\n', n: 3, list: [null, undefined] })).toBe(false);
    expect(holdsNul(undefined)).toBe(false);
  });
});
