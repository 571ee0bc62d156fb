import { Injectable } from '@nestjs/common';
import { SignInTokenRepository } from './email-link/sign-in-token.repository';
import { LinkedInIdentityRepository } from './linkedin/linkedin-identity.repository';
import { SessionService } from './sessions/session.service';

/** Sign-in's part of erasing a member: every session, LinkedIn identity and email sign-in link. */
@Injectable()
export class AuthErasure {
  constructor(
    private readonly sessions: SessionService,
    private readonly tokens: SignInTokenRepository,
    private readonly identities: LinkedInIdentityRepository,
  ) {}

  async eraseMember(memberId: string, email: string): Promise<void> {
    await this.sessions.signOutEverywhere(memberId);
    await this.identities.eraseMember(memberId);
    await this.tokens.eraseEmail(email);
  }
}
