import { eventShapeProblem, signatureTimestampProblem } from './event-shape';

const good = { id: 'evt_1', type: 'invoice.paid', created: 1_700_000_000, data: { object: { id: 'in_1' } } };

describe('eventShapeProblem', () => {
  it('accepts a Stripe event', () => {
    expect(eventShapeProblem(good)).toBeNull();
  });

  it.each([
    ['a JSON array', [good], 'not a JSON object'],
    ['null', null, 'not a JSON object'],
    ['no id', { ...good, id: undefined }, 'no id'],
    ['a numeric id', { ...good, id: 42 }, 'no id'],
    ['an empty id', { ...good, id: ' ' }, 'no id'],
    ['no type', { ...good, type: undefined }, 'no type'],
    ['no created', { ...good, created: undefined }, 'no created'],
    ['a text created', { ...good, created: '1700000000' }, 'no created'],
    ['no data', { ...good, data: undefined }, 'no data.'],
    ['null data.object', { ...good, data: { object: null } }, 'no data.object'],
    ['an array data.object', { ...good, data: { object: [] } }, 'no data.object'],
  ])('names %s', (_label, event, reason) => {
    expect(eventShapeProblem(event)).toContain(reason);
  });
});

describe('signatureTimestampProblem', () => {
  const now = 1_700_000_000;
  it('accepts a timestamp within five minutes either way', () => {
    expect(signatureTimestampProblem(`t=${now - 300},v1=abc`, now)).toBeNull();
    expect(signatureTimestampProblem(`t=${now + 300},v1=abc`, now)).toBeNull();
  });
  it('refuses one beyond the tolerance in the past and in the future', () => {
    expect(signatureTimestampProblem(`t=${now - 301},v1=abc`, now)).toContain('outside the tolerance');
    expect(signatureTimestampProblem(`t=${now + 301},v1=abc`, now)).toContain('outside the tolerance');
  });
  it('refuses a header without a timestamp', () => {
    expect(signatureTimestampProblem('v1=abc', now)).toContain('no timestamp');
  });
});
