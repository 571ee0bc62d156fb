import { METHODS } from 'node:http';
import { methodsAt, type RouterLayer } from './method-rules';

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

describe(methodsAt.name, () => {
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
  ];

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
