import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-linkedin-oauth2';
import { authConfig } from '../auth.config';
import { LinkedInProfile, LinkedInUserinfo, toLinkedInProfile } from './linkedin-profile';
import { LinkedInSignInService } from './linkedin-sign-in.service';

/**
 * Sign In with LinkedIn using OpenID Connect, on passport-linkedin-oauth2 (its newest release, 2.0.0,
 * still reads the retired `/v2/me`): its OAuth 2 code flow with `state` is kept, and the profile comes
 * from the configured userinfo endpoint with a Bearer token.
 */
@Injectable()
export class LinkedInStrategy extends PassportStrategy(Strategy, 'linkedin') {
  private readonly userinfoUrl: string;

  constructor(
    @Inject(authConfig.KEY) config: ConfigType<typeof authConfig>,
    private readonly signIn: LinkedInSignInService,
  ) {
    super({
      clientID: config.linkedIn.clientId,
      clientSecret: config.linkedIn.clientSecret,
      callbackURL: config.linkedIn.callbackUrl,
      authorizationURL: config.linkedIn.authorizationUrl,
      tokenURL: config.linkedIn.tokenUrl,
      scope: ['openid', 'profile', 'email'],
      state: true,
      // The default key, `oauth2:<host>`, has dots, and FerretDB refuses dotted keys in a document.
      sessionKey: 'oauth2_linkedin',
    });
    this.userinfoUrl = config.linkedIn.userinfoUrl;
    // The package would send the token as a query parameter; userinfo wants `Authorization: Bearer`.
    this._oauth2.useAuthorizationHeaderforGET(true);
  }

  override userProfile(accessToken: string, done: (error: unknown, profile?: LinkedInProfile) => void): void {
    this._oauth2.get(this.userinfoUrl, accessToken, (error, body) => {
      if (error) {
        done(new Error(`LinkedIn userinfo failed (${error.statusCode ?? 'no status'})`));
        return;
      }
      try {
        done(null, toLinkedInProfile(JSON.parse(String(body)) as LinkedInUserinfo));
      } catch (parseError) {
        done(parseError);
      }
    });
  }

  /** Called by passport with the profile; what it returns becomes `request.user`. */
  validate(_accessToken: string, _refreshToken: string, profile: LinkedInProfile) {
    return this.signIn.memberFor(profile);
  }
}
