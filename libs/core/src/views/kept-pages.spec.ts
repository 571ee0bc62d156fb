import { createViewEnvironment } from './view-environment';
import { KEPT_PAGE_MAX_AGE_MS, KeptRenderings } from './kept-pages';

const views = createViewEnvironment();
const template = '<p>{{ title }}</p><input name="_csrf" value="{{ csrfToken() }}"><i>{{ csrfToken() }}</i>';
const render = (model: object) => (csrfToken: () => string) =>
  Promise.resolve(views.renderString(template, { ...model, csrfToken }));

describe(KeptRenderings.name, () => {
  const member = { member: { role: 'member' }, requestPath: '/blog/a' };

  it('splices each viewer’s token into one rendering, giving what a whole render gives', async () => {
    const pages = new KeptRenderings();
    const key = pages.keyOf('blog/post', 'v1', member)!;
    let renders = 0;
    const counted = (csrfToken: () => string) => {
      renders++;
      return render({ title: 'A & B' })(csrfToken);
    };
    const first = await pages.render(key, counted, () => 'token-one');
    expect(first).toBe(views.renderString(template, { title: 'A & B', csrfToken: () => 'token-one' }));
    // A token with characters HTML escapes reads as the template would have written it.
    expect(pages.get(key, () => 'a"b')).toBe(views.renderString(template, { title: 'A & B', csrfToken: () => 'a"b' }));
    expect(renders).toBe(1);
  });

  it('asks for no token when the page has no form', async () => {
    const pages = new KeptRenderings();
    const key = pages.keyOf('blog/post', 'v1', member)!;
    const token = jest.fn(() => 'unused');
    await pages.render(key, () => Promise.resolve('<p>no form</p>'), token);
    expect(pages.get(key, token)).toBe('<p>no form</p>');
    expect(token).not.toHaveBeenCalled();
  });

  it('keys by role, staff and admin answers and path, and keeps no page showing a flash', () => {
    const pages = new KeptRenderings();
    const keys = [
      pages.keyOf('v', 'k', member),
      pages.keyOf('v', 'k', { ...member, member: { role: 'staff' } }),
      pages.keyOf('v', 'k', { ...member, isStaff: true }),
      pages.keyOf('v', 'k', { ...member, isAdmin: true }),
      pages.keyOf('v', 'k', { ...member, requestPath: '/blog/b' }),
      pages.keyOf('v', 'k', { requestPath: '/blog/a' }),
      pages.keyOf('v', 'other', member),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(pages.keyOf('v', 'k', { ...member, flash: 'Saved.' })).toBeNull();
  });

  it('renders again once a rendering is older than its maximum age', async () => {
    const pages = new KeptRenderings();
    const key = pages.keyOf('v', 'k', member)!;
    await pages.render(key, render({ title: 'old' }), () => 't', 1_000);
    expect(pages.get(key, () => 't', 1_000 + KEPT_PAGE_MAX_AGE_MS - 1)).toContain('old');
    expect(pages.get(key, () => 't', 1_000 + KEPT_PAGE_MAX_AGE_MS)).toBeNull();
  });
});
