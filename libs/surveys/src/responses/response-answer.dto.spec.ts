import { InvalidInputError } from '@roundtable/core';
import { checkAnswerMap, ResponseAnswerPipe } from './response-answer.dto';

const pipe = new ResponseAnswerPipe();

async function refusal(body: Record<string, unknown>): Promise<Record<string, string>> {
  try {
    await pipe.transform(body);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return error.errors;
    }
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('ResponseAnswerPipe', () => {
  it('groups the per-item fields by key and keeps one ticked item as a list', async () => {
    const answer = await pipe.transform({
      held: 'i2',
      rank_i2: ' 1 ',
      profile_revenueBand: '>$1B',
      action: 'submit',
    });
    expect({ ...answer }).toEqual({
      held: ['i2'],
      ranks: { i2: '1' },
      profile: { revenueBand: '>$1B' },
      action: 'submit',
    });
  });

  it('accepts an empty form (a save with nothing ticked yet)', async () => {
    expect({ ...(await pipe.transform({})) }).toEqual({ held: [], ranks: {}, profile: {} });
  });

  it('names an unknown field, a field sent twice, an over-long value and an unknown button', async () => {
    expect(
      await refusal({
        nickname: 'Jo',
        rank_i1: ['1', '2'],
        profile_industry: 'x'.repeat(201),
        action: 'delete',
        ranks: 'mine',
      }),
    ).toEqual({
      nickname: 'There is no field named “nickname” here.',
      'rank-i1': 'Please choose one priority here (the field was sent more than once).',
      'profile-industry': 'This answer is too long: choose one from the list.',
      action: 'Please press “Submit my response” or “Save and finish later”.',
      ranks: 'There is no field named “ranks” here.',
    });
  });

  it('refuses held items that are not text', async () => {
    expect(await refusal({ held: [{ key: 'i1' }] })).toHaveProperty('held');
  });
});

describe('checkAnswerMap', () => {
  it('refuses keys the form could not have sent and more fields than any survey has', () => {
    expect(checkAnswerMap('rank', { 'i1"><script>': '1' }).errors).toEqual({
      'rank_i1"><script>': 'There is no field named “rank_i1"><script>” here.',
    });
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '1']));
    expect(checkAnswerMap('profile', many).errors).toEqual({ profile: 'Your answer has more fields than this form.' });
  });
});
