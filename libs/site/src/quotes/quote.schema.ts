import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A member's words for the join page, added, ordered and hidden by staff. */
@Schema({ collection: 'site_quotes', timestamps: true })
export class Quote {
  @Prop({ required: true, trim: true }) quote: string;
  @Prop({ required: true, trim: true }) name: string;
  @Prop({ default: '' }) title: string;
  @Prop({ default: '' }) company: string;
  @Prop({ default: '' }) linkedinUrl: string;
  /** Shown in ascending order. */
  @Prop({ required: true }) position: number;
  @Prop({ default: false }) hidden: boolean;
}

export const QuoteSchema = SchemaFactory.createForClass(Quote);
// The join page and staff's list read every quote in order (tens of documents).
QuoteSchema.index({ position: 1 });
