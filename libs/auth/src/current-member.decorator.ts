import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SessionMember } from './sessions/session-member';

/** The signed-in member, or undefined for a visitor. Pair with `@Roles()` when it must be present. */
export const CurrentMember = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SessionMember | undefined =>
    context.switchToHttp().getRequest<Request>().member,
);
