import { METHODS } from 'node:http';
import { methodsAt, takesPost, type RouterLayer } from './method-rules';

/** A router layer for `pattern` (`:id` for one segment) taking `methods`; a middleware when none. */
function layer(pattern: string, methods?: string[]): RouterLayer {
  const regex = new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+')}$`);
  return {
    route: methods ? { methods: Object.fromEntries(methods.map((m) => [m, true])) } : undefined,
    match: (path: string) => {
      if (path.includes('%')) {
        throw new URIError('Failed to decode param');
      }
      return regex.test(path);
    },
  };
}

const stack = [
  layer('.*'),
  // A module's middleware, as Nest registers it: every method, any path.
  layer(
    '.*',
    METHODS.map((method) => method.toLowerCase()),
  ),
  layer('/api/tiers', ['get']),
  layer('/portal/profile', ['get']),
  layer('/portal/profile', ['post']),
  layer('/api/reports/:id/ranking', ['get']),
  layer('/s/:token', ['get']),
  layer('/s/:token', ['post']),
];

describe(methodsAt.name, () => {
  it('gathers the methods of every route at the path, HEAD with GET', () => {
    expect(methodsAt(stack, '/api/tiers')).toEqual(['GET', 'HEAD']);
    expect(methodsAt(stack, '/portal/profile')).toEqual(['GET', 'HEAD', 'POST']);
    expect(methodsAt(stack, '/api/reports/abc/ranking')).toEqual(['GET', 'HEAD']);
  });

  it('finds nothing for a path no route has, and ignores middleware', () => {
    expect(methodsAt(stack, '/nowhere')).toEqual([]);
  });

  it('treats a path the router cannot decode as no route’s', () => {
    expect(methodsAt(stack, '/api/reports/%E0/ranking')).toEqual([]);
  });
});

describe(takesPost.name, () => {
  it('is true where a route takes POST, whatever other routes the path has', () => {
    expect(takesPost(stack, '/portal/profile')).toBe(true);
    expect(takesPost(stack, '/s/abc')).toBe(true);
  });

  it('is false where the routes only read, where no route is, and for middleware taking every method', () => {
    expect(takesPost(stack, '/api/tiers')).toBe(false);
    expect(takesPost(stack, '/nowhere')).toBe(false);
    expect(takesPost(stack, '/s/%E0')).toBe(false);
  });

  it('matches only the routes that take POST against the path', () => {
    const matched: string[] = [];
    const counting = stack.map((entry, i) => ({
      ...entry,
      match: (path: string) => {
        matched.push(String(i));
        return entry.match(path);
      },
    }));
    expect(takesPost(counting, '/s/abc')).toBe(true);
    // Of the routes, only the two that take POST are asked (the first does not match).
    expect(matched).toEqual(['4', '7']);
  });
});
