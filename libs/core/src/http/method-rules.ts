import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { METHODS } from 'node:http';

/** The methods the app's routes take: pages and the API read with GET (and HEAD) and act with POST. */
const TAKEN_METHODS = ['GET', 'HEAD', 'POST'];

/** What this needs of an Express router layer (a middleware layer has no `route`). */
export interface RouterLayer {
  route?: { methods: Record<string, boolean | undefined> };
  match(path: string): boolean;
}

/** The methods the routes at `path` take (empty when no route has this path). */
export function methodsAt(stack: readonly RouterLayer[], path: string): string[] {
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || takesEverything(layer.route.methods) || !matches(layer, path)) {
      continue;
    }
    for (const [method, takes] of Object.entries(layer.route.methods)) {
      if (takes && method !== '_all') {
        methods.add(method.toUpperCase());
      }
    }
  }
  if (methods.has('GET')) {
    methods.add('HEAD');
  }
  return TAKEN_METHODS.filter((method) => methods.has(method));
}

/**
 * Whether a route at `path` takes POST: only the routes that take it are matched against the path,
 * and the first that matches answers, so a form's POST does not match every route of the app.
 */
export function takesPost(stack: readonly RouterLayer[], path: string): boolean {
  return stack.some(
    (layer) => layer.route?.methods.post === true && !takesEverything(layer.route.methods) && matches(layer, path),
  );
}

/** Per route's methods, whether it takes every method (asked per request, decided once). */
const everything = new WeakMap<Record<string, boolean | undefined>, boolean>();

/**
 * Nest registers a module's middleware (sessions, CSRF) as a route that takes every method at a
 * wildcard path; it says nothing of what the address's handlers take. (No handler here takes every
 * method: the app has no `@All()`.)
 */
function takesEverything(methods: Record<string, boolean | undefined>): boolean {
  let takes = everything.get(methods);
  if (takes === undefined) {
    takes = METHODS.every((method) => methods[method.toLowerCase()]);
    everything.set(methods, takes);
  }
  return takes;
}

function matches(layer: RouterLayer, path: string): boolean {
  try {
    return layer.match(path);
  } catch {
    // A path the router cannot decode (a stray `%`) is no route's; the router answers it as it would.
    return false;
  }
}

/**
 * Answers a method that no route at the address takes with 405 and `Allow`, before sessions, CSRF and
 * body rules, which would otherwise give the wrong reason (a CSRF 403, a 415 for a body no route
 * reads): TRACE, PUT, DELETE, OPTIONS and the like anywhere, and a POST to an address that only
 * reads. `stack` gives the app's router layers (read per request: routes are added at start-up).
 */
export function methodRules(stack: () => readonly RouterLayer[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      return next();
    }
    const layers = stack();
    if (req.method === 'POST' && takesPost(layers, req.path)) {
      return next();
    }
    const allowed = methodsAt(layers, req.path);
    if (req.method === 'POST' && allowed.length === 0) {
      // A POST to no route at all is the router's 404; one a route takes goes on to it.
      return next();
    }
    const path = req.originalUrl ?? req.url;
    res.setHeader('Allow', (allowed.length ? allowed : TAKEN_METHODS).join(', '));
    res.status(405).json({ statusCode: 405, message: 'Method Not Allowed', path });
  };
}
