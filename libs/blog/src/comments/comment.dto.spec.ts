import { checkBody } from '@roundtable/core';
import { CommentDto, CommentEditDto } from './comment.dto';

describe(CommentDto.name, () => {
  it('accepts a member’s comment and a guest’s, trimming the text', async () => {
    const member = await checkBody(CommentDto, { body: '  Well said.  ', notifyReplies: 'on' });
    expect(member.errors).toEqual({});
    expect(member.value.body).toBe('Well said.');
    const guest = await checkBody(CommentDto, {
      body: 'Hello',
      name: 'Gus',
      email: 'gus@example.test',
      parentId: '',
      website: '',
    });
    expect(guest.errors).toEqual({});
    expect(guest.value.parentId).toBeUndefined();
  });

  it('names every wrong field with a message a person can act on', async () => {
    const { errors } = await checkBody(CommentDto, {
      body: 'x'.repeat(5001),
      email: 'not an address',
      parentId: '../../etc',
      notifyReplies: 'yes please',
    });
    expect(errors).toEqual({
      body: 'Please keep your comment under 5,000 characters.',
      email: 'Please give a valid email address (it is never shown).',
      parentId: 'The comment you are replying to is not on this post.',
      notifyReplies: 'Tick the box to get an email when someone replies, or leave it clear.',
    });
  });

  it('refuses an empty comment and a list where one text belongs', async () => {
    expect((await checkBody(CommentEditDto, { body: '   ' })).errors).toEqual({ body: 'Please write your comment.' });
    expect((await checkBody(CommentEditDto, { body: ['a', 'b'] })).errors).toEqual({
      body: 'Please write your comment.',
    });
  });
});
