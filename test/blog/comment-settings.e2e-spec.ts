import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { CommentRepository } from '@roundtable/blog';
import { createTestApp, TestApp } from '../support/create-test-app';

/**
 * The blog's comment settings are one document, made on first need. Two first views at once (the
 * moderation page opened in two tabs) each made it by an upsert, and one failed with a duplicate key.
 * Bans are documents of their own: on FerretDB a ban and a settings change written to one document at
 * the same moment kept only one of the two (CI saw the ban lost).
 */
describe('Comment settings on a new database', () => {
  // Each test starts on its own new database: the race is about the first document.
  let t: TestApp;
  let comments: CommentRepository;

  beforeEach(async () => {
    t = await createTestApp();
    comments = t.app.get(CommentRepository);
  });
  afterEach(() => t.close());

  it('are read by eight first views at once, all answered, one document stored', async () => {
    const views = await Promise.all(Array.from({ length: 8 }, () => comments.getSettings()));
    expect(views.map((view) => view.guestComments)).toEqual(Array(8).fill(false));
    const stored = await t.app.get<Connection>(getConnectionToken()).collection('blog_settings').countDocuments();
    expect(stored).toBe(1);
  });

  it('keep a setting changed while first views race, and still one document', async () => {
    await Promise.all([
      comments.setGuestComments(true),
      comments.ban({ email: 'spam@example.test' }),
      ...Array.from({ length: 4 }, () => comments.getSettings()),
    ]);
    const settings = await comments.getSettings();
    expect(settings.guestComments).toBe(true);
    expect(settings.bannedEmails).toEqual(['spam@example.test']);
    const stored = await t.app.get<Connection>(getConnectionToken()).collection('blog_settings').countDocuments();
    expect(stored).toBe(1);
  });

  it('keep every ban made at once, with the setting changed beside them', async () => {
    const emails = Array.from({ length: 6 }, (_, i) => `writer${i}@example.test`);
    await Promise.all([
      comments.setGuestComments(true),
      ...emails.map((email) => comments.ban({ email })),
      comments.ban({ memberId: 'member-1', email: emails[0] }),
      comments.setGuestComments(true),
    ]);
    const settings = await comments.getSettings();
    expect(settings.guestComments).toBe(true);
    expect([...settings.bannedEmails].sort()).toEqual(emails);
    expect(settings.bannedMemberIds).toEqual(['member-1']);
  });

  it('still refuse writers banned before bans had their own documents', async () => {
    const settingsModel = t.app.get<Model<{ key: string; bannedEmails: string[]; bannedMemberIds: string[] }>>(
      getModelToken('BlogSetting'),
    );
    await settingsModel.create({ key: 'comments', bannedEmails: ['old@example.test'], bannedMemberIds: ['m-old'] });
    await comments.ban({ email: 'new@example.test' });
    const settings = await comments.getSettings();
    expect([...settings.bannedEmails].sort()).toEqual(['new@example.test', 'old@example.test']);
    expect(settings.bannedMemberIds).toEqual(['m-old']);
  });
});
