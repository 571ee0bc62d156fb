import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/**
 * The JSON shape of GET /api/census: the census result document of the census exchange format
 * (docs/research.md), as the worker computed it, with when. Numbers are not rounded.
 */
class DatedCountDto {
  @ApiProperty({ example: '2010-01-01' }) date: string;
  @ApiProperty({ description: 'Distinct persons in the role on the date' }) count: number;
}

class YearCountDto {
  @ApiProperty() year: number;
  @ApiProperty() count: number;
}

class SurvivalPointDto {
  @ApiProperty() months: number;
  @ApiProperty({ description: 'Kaplan–Meier S(t): share of tenures still in the role after that many months' })
  share: number;
}

class TenureFiguresDto {
  @ApiProperty() tenures: number;
  @ApiProperty() ended: number;
  @ApiProperty({ description: 'Tenures still open on the census date (right-censored)' }) censored: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Smallest t with S(t) ≤ 0.5; null when never reached' })
  median_months: number | null;
  @ApiProperty({ description: 'Area under S up to options.restricted_months' }) restricted_mean_months: number;
  @ApiProperty({ type: [SurvivalPointDto] }) survival: SurvivalPointDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Plain mean of ended tenures (biased short)' })
  mean_completed_months: number | null;
}

class CoverageRowDto {
  @ApiProperty() name: string;
  @ApiProperty() date: string;
  @ApiProperty() companies: number;
  @ApiProperty({ description: 'Companies with someone in the role on the list’s date' }) covered: number;
  @ApiProperty({ type: Number, nullable: true }) share: number | null;
}

class SegmentCellDto {
  @ApiProperty() value: string;
  @ApiProperty() tenures: number;
  @ApiProperty({ description: 'False below the minimum cell: then no figures' }) shown: boolean;
  @ApiPropertyOptional() population?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) median_months?: number | null;
  @ApiPropertyOptional() restricted_mean_months?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) mean_completed_months?: number | null;
}

class SegmentTableDto {
  @ApiProperty({ example: 'revenue' }) attribute: string;
  @ApiProperty() min_cell: number;
  @ApiProperty({ type: [SegmentCellDto] }) values: SegmentCellDto[];
}

export class CensusResultDto {
  @ApiProperty() computed_at: string;
  @ApiProperty({ example: '2010-12-31' }) as_of: string;
  @ApiProperty({ type: [DatedCountDto] }) population: DatedCountDto[];
  @ApiProperty({ type: [YearCountDto] }) arrivals: YearCountDto[];
  @ApiProperty({ type: [YearCountDto] }) departures: YearCountDto[];
  @ApiProperty({ type: TenureFiguresDto }) tenure: TenureFiguresDto;
  @ApiProperty({ type: [CoverageRowDto] }) coverage: CoverageRowDto[];
  @ApiPropertyOptional({ type: [SegmentTableDto] }) segments?: SegmentTableDto[];
}

export class CensusApiQuery {
  @ApiPropertyOptional({
    description: 'A census date staff asked for on the census page; today’s census without it',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    example: '2026-01-01',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'as_of must be a date written YYYY-MM-DD.' })
  as_of?: string;
}
