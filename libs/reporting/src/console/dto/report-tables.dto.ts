import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The JSON shapes of the console's tables (GET /api/reports/:surveyId/<table>), one DTO per shape,
 * so staff's own tools can read them from the OpenAPI document. Every table says which snapshot it
 * comes from; numbers are not rounded.
 */
export class SnapshotMetaDto {
  @ApiProperty() surveyId: string;
  @ApiProperty({ description: 'Snapshot version (increases with each computation that changed the inputs)' })
  version: number;
  @ApiProperty() computedAt: Date;
  @ApiProperty({ description: 'Computed after the survey closed: final numbers' }) final: boolean;
  @ApiProperty({ example: 'borda-tied-bottom' }) method: string;
  @ApiProperty() seed: number;
  @ApiProperty() resamples: number;
}

export class RankedItemDto {
  @ApiProperty() rank: number;
  @ApiProperty() item: string;
  @ApiProperty({ description: 'Mean Borda points (tied bottom) over all respondents' }) borda: number;
  @ApiProperty({ description: 'Share of respondents holding the item' }) incumbency: number;
  @ApiProperty() holders: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean priority rank among holders; null when nobody holds it',
  })
  mean_rank: number | null;
}

export class UncertainItemDto extends RankedItemDto {
  @ApiProperty({
    type: [Number],
    nullable: true,
    description: '95% bootstrap interval of the rank position [low, high]',
  })
  rank_interval: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of resamples in which the item is in the top k' })
  top_k_share: number | null;
}

export class RankingTableDto extends SnapshotMetaDto {
  @ApiProperty() respondents: number;
  @ApiProperty({ type: Number, nullable: true, description: "Kendall's W with the tie correction" }) kendall_w:
    number | null;
  @ApiProperty() top_k: number;
  @ApiProperty({ type: [UncertainItemDto] }) items: UncertainItemDto[];
}

export class ResponseRateTableDto extends SnapshotMetaDto {
  @ApiProperty() invited: number;
  @ApiProperty({ description: 'Invitations whose address bounced: not eligible, not in the base' }) bounced: number;
  @ApiProperty() eligible: number;
  @ApiProperty() completed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Started but not completed (reported, not counted)' })
  partial: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'completed ÷ eligible' }) rate: number | null;
}

export class ProgressPointDto {
  @ApiProperty({ example: '2026-03-02', description: 'UTC day' }) date: string;
  @ApiProperty({ description: 'Completed responses by the end of the day' }) completed: number;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
}

export class ProgressTableDto extends SnapshotMetaDto {
  @ApiProperty({ type: [ProgressPointDto] }) days: ProgressPointDto[];
}

export class SkewValueDto {
  @ApiProperty() value: string;
  @ApiProperty() respondents: number;
  @ApiProperty() respondent_share: number;
  @ApiProperty() invited: number;
  @ApiProperty() invited_share: number;
  @ApiProperty({ description: 'Respondent share minus invited share, in percentage points' }) gap_pp: number;
}

export class SkewAttributeDto {
  @ApiProperty() attribute: string;
  @ApiProperty({ type: [SkewValueDto] }) values: SkewValueDto[];
  @ApiProperty({ type: Number, nullable: true }) chi_square: number | null;
  @ApiProperty({ type: Number, nullable: true }) df: number | null;
  @ApiProperty({ type: Number, nullable: true }) p_value: number | null;
  @ApiProperty({ description: 'A gap of 10 points or more, or p < 0.05' }) skewed: boolean;
  @ApiProperty({ type: String, nullable: true }) toward: string | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
}

export class SkewTableDto extends SnapshotMetaDto {
  @ApiProperty({ type: [SkewAttributeDto] }) attributes: SkewAttributeDto[];
}

export class WeightedItemDto extends RankedItemDto {
  @ApiProperty() unweighted_rank: number;
}

export class WeightedTableDto extends SnapshotMetaDto {
  @ApiProperty({ enum: ['none', 'post-stratification', 'raking'] }) weighting: string;
  @ApiProperty({ type: [String] }) weight_by: string[];
  @ApiProperty() design_effect: number;
  @ApiProperty() weight_min: number;
  @ApiProperty() weight_max: number;
  @ApiProperty({ type: [WeightedItemDto] }) items: WeightedItemDto[];
}

export class SegmentCellDto {
  @ApiProperty() value: string;
  @ApiProperty({ description: 'False below the minimum cell size: then no figures are given' }) shown: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) respondents?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) kendall_w?: number | null;
  @ApiPropertyOptional({ type: [RankedItemDto] }) items?: RankedItemDto[];
}

export class SegmentAttributeDto {
  @ApiProperty() attribute: string;
  @ApiProperty() min_cell: number;
  @ApiProperty({ type: [SegmentCellDto] }) values: SegmentCellDto[];
}

export class SegmentsTableDto extends SnapshotMetaDto {
  @ApiProperty({ type: [SegmentAttributeDto] }) attributes: SegmentAttributeDto[];
}
