import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PUBLISHED_REPORTS, type PublishedReportSource } from '@roundtable/core';
import { AttachedReports } from './attached-reports.service';

const REPORT = { id: 'r1', title: 'Accountabilities 2026' };

/** A source of one published report, provided the way reporting provides it: by a global module. */
const source: PublishedReportSource = {
  choices: () => Promise.resolve([REPORT]),
  card: (id) => Promise.resolve(id === REPORT.id ? ({ title: REPORT.title } as never) : null),
};

@Global()
@Module({ providers: [{ provide: PUBLISHED_REPORTS, useValue: source }], exports: [PUBLISHED_REPORTS] })
class ReportsSourceModule {}

/** The blog's own module, which does not import the source's. */
@Module({ providers: [AttachedReports], exports: [AttachedReports] })
class PostsModule {}

async function attachedReports(imports: Array<new () => unknown>): Promise<AttachedReports> {
  const moduleRef = await Test.createTestingModule({ imports }).compile();
  return moduleRef.get(AttachedReports);
}

describe(AttachedReports.name, () => {
  it('uses the published reports a global module of another lib provides', async () => {
    const reports = await attachedReports([PostsModule, ReportsSourceModule]);
    expect(await reports.choices()).toEqual([REPORT]);
    expect(await reports.card('r1', undefined)).toEqual({ title: REPORT.title });
    expect(await reports.problem('r1')).toBeNull();
  });

  it('does without in an app that has no published reports (the worker)', async () => {
    const reports = await attachedReports([PostsModule]);
    expect(await reports.choices()).toEqual([]);
    expect(await reports.card('r1', undefined)).toBeNull();
    expect(await reports.problem('r1')).toMatch(/There is no published report with this id/);
    expect(await reports.problem('')).toBeNull();
  });
});
