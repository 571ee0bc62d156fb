import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '@roundtable/core';
import type { Role } from './roles';
import { missingEntitlements } from './access';

const ROLES_KEY = 'roundtable:roles';
const ENTITLEMENTS_KEY = 'roundtable:entitlements';

/** Admits only the listed roles (`visitor` means signed out). A route without it is open to all. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Admits members whose membership grants every listed entitlement (billing keeps them current on the
 * member record). Staff and admins are entitled to everything, since they run the council.
 */
export const RequiresEntitlement = (...entitlements: string[]) => SetMetadata(ENTITLEMENTS_KEY, entitlements);

/**
 * The answer to a member whose membership does not include something: a 403 whose page offers the
 * way on (the membership page, where they choose or change their tier), the same for every
 * entitlement page. `message` says what they tried to reach.
 */
export function membershipRequired(message: string): ForbiddenError {
  return new ForbiddenError(message, { href: '/membership', text: 'See the membership tiers' });
}

/** The global guard behind `@Roles()` and `@RequiresEntitlement()`. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const entitlements = this.reflector.getAllAndOverride<string[] | undefined>(ENTITLEMENTS_KEY, targets);
    if (!roles && !entitlements) {
      return true;
    }
    const member = context.switchToHttp().getRequest<Request>().member;
    const role: Role = member?.role ?? 'visitor';
    if (roles && !roles.includes(role)) {
      if (!member) {
        throw new UnauthenticatedError('Please sign in to continue.');
      }
      throw new ForbiddenError('Your account does not have access to this page.');
    }
    if (entitlements) {
      if (!member) {
        throw new UnauthenticatedError('Please sign in to continue.');
      }
      if (missingEntitlements(member, entitlements).length > 0) {
        throw membershipRequired(
          'Your membership does not include this. See the tiers that do on the membership page.',
        );
      }
    }
    return true;
  }
}
