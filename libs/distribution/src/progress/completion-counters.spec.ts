import type { ShardedCounters } from '@roundtable/counters';
import type { RecurringJobs } from '@roundtable/jobs';
import { SurveyProgressHook, type InvitationRepository } from '@roundtable/surveys';
import { SurveyBookkeeping } from './reconcile.service';
import { carriedSegments, segmentFigure } from './segments';

/** The progress listener with the counters and invitations it touches recorded, the rest unused. */
function listening(invitation: { _id: string; tier: string | null; profile: Record<string, unknown> } | null) {
  const hook = new SurveyProgressHook();
  const adds: Array<{ group: string; deltas: Record<string, number> }> = [];
  const reads: string[] = [];
  const counters = {
    add: (group: string, deltas: Record<string, number>) => {
      adds.push({ group, deltas });
      return Promise.resolve();
    },
  } as unknown as ShardedCounters;
  const invitations = {
    findById: (id: string) => {
      reads.push(id);
      return Promise.resolve(invitation);
    },
  } as unknown as InvitationRepository;
  const recurring = { define: () => undefined } as unknown as RecurringJobs;
  const unused = {} as never;
  new SurveyBookkeeping(recurring, hook, counters, unused, invitations, unused, unused, unused, unused).onModuleInit();
  return { hook, adds, reads };
}

describe('the completion counters (SurveyBookkeeping listener)', () => {
  it('counts a completion in the segments its link carries, with no invitation read', async () => {
    const { hook, adds, reads } = listening(null);
    await hook.emit({
      surveyId: 's1',
      invitationId: 's1:m1',
      milestone: 'completed',
      segments: { tier: 'council', revenue: 'Over $1B' },
    });
    expect(reads).toEqual([]);
    expect(adds).toEqual([
      {
        group: 'survey:s1',
        deltas: {
          completed: 1,
          [segmentFigure('completed', 'tier', 'council')]: 1,
          [segmentFigure('completed', 'revenue', 'Over $1B')]: 1,
        },
      },
    ]);
  });

  it('reads the invitation once for a link without segments (written before links carried them)', async () => {
    const { hook, adds, reads } = listening({ _id: 's1:m2', tier: 'executive', profile: {} });
    await hook.emit({ surveyId: 's1', invitationId: 's1:m2', milestone: 'completed' });
    expect(reads).toEqual(['s1:m2']);
    expect(adds[0].deltas).toEqual({
      completed: 1,
      [segmentFigure('completed', 'tier', 'executive')]: 1,
      [segmentFigure('completed', 'revenue', 'not given')]: 1,
    });
  });

  it('reads the invitation when the link carries fewer dimensions than are counted', async () => {
    const { hook, adds, reads } = listening({ _id: 's1:m3', tier: 'council', profile: { revenueBand: '<$100M' } });
    await hook.emit({ surveyId: 's1', invitationId: 's1:m3', milestone: 'completed', segments: { tier: 'council' } });
    expect(reads).toEqual(['s1:m3']);
    expect(adds[0].deltas[segmentFigure('completed', 'revenue', '<$100M')]).toBe(1);
  });

  it('reads nothing for an opened or started milestone, and counts no segment', async () => {
    const { hook, adds, reads } = listening(null);
    await hook.emit({ surveyId: 's1', invitationId: 's1:m4', milestone: 'opened' });
    await hook.emit({ surveyId: 's1', invitationId: 's1:m4', milestone: 'started' });
    expect(reads).toEqual([]);
    expect(adds.map((add) => add.deltas)).toEqual([{ opened: 1 }, { started: 1 }]);
  });
});

describe(carriedSegments.name, () => {
  it('keeps the counted dimensions and refuses values that are missing or not text', () => {
    expect(carriedSegments({ tier: 'council', revenue: 'not given', extra: 'x' })).toEqual({
      tier: 'council',
      revenue: 'not given',
    });
    expect(carriedSegments({ tier: 'council', revenue: 3 })).toBeNull();
    expect(carriedSegments(null)).toBeNull();
  });
});
