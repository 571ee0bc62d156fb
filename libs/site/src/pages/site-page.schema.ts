import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** About, Privacy or Contact as staff last saved it (until then, the default text in code). */
@Schema({ collection: 'site_pages', versionKey: false })
export class SitePage {
  /** `about`, `privacy` or `contact`. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) title: string;
  @Prop({ required: true }) bodyMarkdown: string;
  /** Sanitised once, at save (the blog's Markdown rules). */
  @Prop({ required: true }) bodyHtml: string;
  @Prop({ type: Date, required: true }) updatedAt: Date;
  @Prop({ required: true }) updatedBy: string;
}

export const SitePageSchema = SchemaFactory.createForClass(SitePage);
