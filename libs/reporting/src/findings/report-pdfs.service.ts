import { Injectable } from '@nestjs/common';
import { isEntitled, type SessionMember } from '@roundtable/auth';
import { NotFoundError } from '@roundtable/core';
import { SurveyRepository } from '@roundtable/surveys';
import { decimals, percent } from '../console/format';
import { skewModel } from '../console/report-pages.service';
import { mayShow, tiedRanks } from '../published/publication';
import { PublishedReports } from '../published/published-reports.service';
import { PEER_BENCHMARK } from '../published/report-access';
import { SnapshotRepository } from '../snapshots/snapshot.repository';
import { methodologySentences } from './finding-post';
import { renderReportPdf } from './report-pdf';

/** The members' report as a PDF: the same published snapshot and rules as the report page. */
@Injectable()
export class ReportPdfs {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly surveys: SurveyRepository,
    private readonly reports: PublishedReports,
  ) {}

  async pdf(surveyId: string, member: SessionMember): Promise<{ filename: string; body: Buffer }> {
    const snapshot = await this.snapshots.findPublished(surveyId);
    const survey = await this.surveys.findById(surveyId);
    if (!snapshot || !survey || !mayShow(snapshot.result.respondents, snapshot.result.options.min_cell)) {
      throw new NotFoundError('This report is not published.');
    }
    const { result } = snapshot;
    const ranks = tiedRanks(result.items, result.respondents);
    const mine = isEntitled(member, PEER_BENCHMARK) ? await this.reports.minePage(surveyId, member.id) : null;
    const body = await renderReportPdf({
      title: survey.title,
      methodology: methodologySentences({
        surveyId,
        title: survey.title,
        itemCount: survey.items.length,
        sentAt: survey.sentAt,
        closedAt: survey.closedAt,
        result,
        trends: null,
      }),
      rows: result.items.map((item, k) => ({
        rank: ranks[k].label,
        item: item.item,
        score: decimals(item.borda),
        holding: percent(item.incumbency),
      })),
      skews: skewModel(result)
        .filter((s) => s.skewed && s.summary)
        .map((s) => `Respondents were ${s.summary as string}.`),
      own: mine?.answered
        ? mine.rows.map((row) => ({
            item: row.item,
            yours: row.yourRank === null ? 'not yours' : String(row.yourRank),
            peers: row.peerRank,
          }))
        : null,
      generatedFor: `Prepared for ${member.name}. Members-only research of the council: please do not circulate outside your board.`,
    });
    const slug =
      survey.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'report';
    return { filename: `${slug}-report.pdf`, body };
  }
}
