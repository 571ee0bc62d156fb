import { percent, surveyFigures } from './figures';

describe(surveyFigures.name, () => {
  it('derives queued, partial, the response rate and the failure reasons from the counters', () => {
    const figures = surveyFigures({
      invited: 200,
      sent: 190,
      failed: 4,
      bounced: 2,
      suppressed: 1,
      opened: 150,
      started: 130,
      completed: 120,
      'failed:ECONNREFUSED': 3,
      'failed:opted out': 1,
    });
    expect(figures).toMatchObject({ queued: 3, partial: 10, completed: 120, responseRate: 0.6 });
    expect(figures.distributed).toBeCloseTo(197 / 200);
    expect(figures.failureReasons).toEqual([
      { reason: 'ECONNREFUSED', count: 3 },
      { reason: 'opted out', count: 1 },
    ]);
  });

  it('reads an empty survey as nothing to do rather than dividing by zero', () => {
    expect(surveyFigures({})).toMatchObject({ invited: 0, queued: 0, responseRate: 0, distributed: 0 });
  });

  it('never shows a negative figure while shards are being reconciled', () => {
    expect(surveyFigures({ invited: 2, sent: 3, started: 1, completed: 2 })).toMatchObject({ queued: 0, partial: 0 });
  });
});

describe(percent.name, () => {
  it('rounds to whole percent, with a decimal below 10%', () => {
    expect([percent(0.6), percent(0.054), percent(0), percent(1)]).toEqual(['60%', '5.4%', '0%', '100%']);
  });
});
