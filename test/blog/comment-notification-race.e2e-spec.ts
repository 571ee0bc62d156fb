import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CommentRepository } from '@roundtable/blog';
import { buildGuestComment } from '../support/comments';
import { createTestApp, TestApp } from '../support/create-test-app';

/**
 * An approved comment's emails go out once. The claim used to be a guarded update of the comment
 * (`notified: false` → `true`): on FerretDB several approvals at once (two moderators, two tabs) could
 * all win it and send the emails twice, and since FerretDB writes a document back whole, the claim
 * could also put back the status a moderator had just changed. The claim is now a unique insert in a
 * collection of its own, and the comment is not written by it.
 */
describe('Claiming a comment’s notifications', () => {
  const ROUNDS = 10;
  let t: TestApp;
  let comments: CommentRepository;

  beforeAll(async () => {
    t = await createTestApp();
    comments = t.app.get(CommentRepository);
  });
  afterAll(() => t.close());

  it('is won by exactly one of four claims made at once, every time', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const comment = await buildGuestComment(t, 'post-claims', { status: 'approved', body: `Claimed ${round}` });
      const claims = await Promise.all(Array.from({ length: 4 }, () => comments.claimNotification(comment._id)));
      expect({ round, winners: claims.filter(Boolean).length }).toEqual({ round, winners: 1 });
      expect(await comments.claimNotification(comment._id)).toBe(false);
    }
  });

  it('keeps a take-down made while the notifications are claimed', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const comment = await buildGuestComment(t, 'post-takedown', { status: 'approved', body: `Hidden ${round}` });
      await Promise.all([
        comments.claimNotification(comment._id),
        comments.setStatus(String(comment._id), 'hidden'),
        comments.claimNotification(comment._id),
      ]);
      const stored = await comments.findById(String(comment._id));
      expect({ round, status: stored?.status }).toEqual({ round, status: 'hidden' });
    }
  });

  it('is refused for a comment notified before claims had their own documents', async () => {
    const comment = await buildGuestComment(t, 'post-old', { status: 'approved', body: 'Notified long ago' });
    await t.app
      .get<Model<{ notified: boolean }>>(getModelToken('Comment'))
      .updateOne({ _id: comment._id }, { $set: { notified: true } });
    expect(await comments.claimNotification(comment._id)).toBe(false);
  });

  it('is refused for a comment that is not approved', async () => {
    const comment = await buildGuestComment(t, 'post-pending', { body: 'Still waiting' });
    expect(await comments.claimNotification(comment._id)).toBe(false);
  });
});
