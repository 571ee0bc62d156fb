import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One thing that waits for staff (an application to decide, a comment to moderate) while it waits:
 * inserted when it starts waiting, deleted when it is dealt with, so the collection holds only what
 * waits now and counting it is cheap on any database. `_id` is `<kind>:<id>`, so adding twice keeps one.
 */
@Schema({ collection: 'waiting_items', versionKey: false })
export class WaitingItem {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) kind: string;
  @Prop({ required: true }) itemId: string;
  @Prop({ type: Date, required: true }) since: Date;
}
export const WaitingItemSchema = SchemaFactory.createForClass(WaitingItem);

// count(kind) and the reconcile's list of a kind: the staff home's figures.
WaitingItemSchema.index({ kind: 1 });
