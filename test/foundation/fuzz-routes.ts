import {
  CUSTOM_ROUTE_ARGS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { TestApp } from '../support/create-test-app';

/** One route as the app's router holds it, with the fields its body DTO declares (when it has one). */
export interface FuzzRoute {
  method: 'post' | 'put' | 'patch' | 'delete' | 'get';
  /** Express's pattern, e.g. `/admin/surveys/:id`. */
  pattern: string;
  fields: string[];
}

/**
 * Every route of the running app, read from its Express router (so a new route is fuzzed without an
 * edit here), each with the field names of its body DTO, read from the controllers' metadata (so the
 * fuzz can send each field wrongly typed rather than only fields the DTO refuses as unknown).
 */
export function routesOf(t: TestApp): FuzzRoute[] {
  const router = (
    t.app.getHttpAdapter().getInstance() as {
      router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
    }
  ).router;
  const fieldsByRoute = bodyFieldsByRoute(t);
  const routes: FuzzRoute[] = [];
  for (const layer of router.stack) {
    if (!layer.route) {
      continue;
    }
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && ['post', 'put', 'patch', 'delete', 'get'].includes(method)) {
        const pattern = layer.route.path;
        routes.push({
          method: method as FuzzRoute['method'],
          pattern,
          fields: fieldsByRoute.get(`${method} ${pattern}`) ?? [],
        });
      }
    }
  }
  return routes;
}

/** `post /admin/surveys/:id` → the property names of the classes its body parameters are validated as. */
function bodyFieldsByRoute(t: TestApp): Map<string, string[]> {
  const storage = getMetadataStorage();
  const found = new Map<string, string[]>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) {
        continue;
      }
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        const verb =
          typeof handler === 'function' ? (Reflect.getMetadata(METHOD_METADATA, handler) as number) : undefined;
        if (name === 'constructor' || verb === undefined || RequestMethod[verb] === undefined) {
          continue;
        }
        const method = RequestMethod[verb].toLowerCase();
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, unknown>;
        const fields = new Set<string>();
        for (const key of Object.keys(args)) {
          const [kind, index] = key.split(':');
          const isBody = kind === '3' || kind.includes(CUSTOM_ROUTE_ARGS_METADATA);
          const type = types[Number(index)];
          if (isBody && typeof type === 'function') {
            storage
              .getTargetValidationMetadatas(type, '', true, false)
              .forEach((rule) => fields.add(rule.propertyName));
          }
        }
        const paths = [Reflect.getMetadata(PATH_METADATA, handler as object) as string | string[]].flat();
        for (const path of paths) {
          const full = `/${[base, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/');
          found.set(`${method} ${full}`, [...fields]);
        }
      }
    }
  }
  return found;
}

/** A concrete path for a pattern: an ObjectId-like id or a token-like string for each parameter. */
export function pathFor(pattern: string): string {
  return pattern.replace(/:(\w+)/g, (_match, name: string) =>
    /token/i.test(name) ? 'A'.repeat(43) : /slug/i.test(name) ? 'no-such-slug' : '0123456789abcdef01234567',
  );
}
