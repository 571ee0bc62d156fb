import { OneOf, OptionalText, RequiredText, Trim } from '@roundtable/core';
import { IsString, Matches } from 'class-validator';
import { BUSINESS_MODELS, CCO_MODELS, INDUSTRIES, MemberProfile, REPORTS_TO, REVENUE_BANDS } from './profile';

const LINKEDIN_URL = /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\/[A-Za-z0-9_-]{3,100}\/?$/;

/**
 * The profile form (application and portal profile) as submitted: every value a string, as a
 * browser sends it. The messages are what the person reads beside the field.
 */
export class ProfileDto {
  @RequiredText(100, { missing: 'Please enter your name.', tooLong: 'Please keep your name under 100 characters.' })
  name!: string;

  @RequiredText(120, {
    missing: 'Please enter your job title.',
    tooLong: 'Please keep your job title under 120 characters.',
  })
  title!: string;

  @RequiredText(120, {
    missing: 'Please enter your company.',
    tooLong: 'Please keep your company under 120 characters.',
  })
  company!: string;

  @OneOf(REVENUE_BANDS, 'Please choose your company’s annual revenue band.')
  revenueBand!: MemberProfile['revenueBand'];

  @OneOf(BUSINESS_MODELS, 'Please choose B2B, B2C or both.')
  businessModel!: MemberProfile['businessModel'];

  @OneOf(INDUSTRIES, 'Please choose an industry.')
  industry!: MemberProfile['industry'];

  @OneOf(CCO_MODELS, 'Please choose the CCO model you work in.')
  ccoModel!: MemberProfile['ccoModel'];

  @OneOf(REPORTS_TO, 'Please say whom you report to.')
  reportsTo!: MemberProfile['reportsTo'];

  @OneOf(['yes', 'no'], 'Please say whether you sit on a board.')
  boardMember!: 'yes' | 'no';

  @Trim()
  @IsString({ message: 'Please enter whole years in your role, from 0 to 60.' })
  @Matches(/^([0-9]|[0-5][0-9]|60)$/, { message: 'Please enter whole years in your role, from 0 to 60.' })
  yearsInRole!: string;

  @OptionalText(200, 'Please enter your public LinkedIn address, like https://www.linkedin.com/in/your-name.')
  @Matches(LINKEDIN_URL, {
    message: 'Please enter your public LinkedIn address, like https://www.linkedin.com/in/your-name.',
  })
  linkedinUrl?: string;
}

/** The stored profile (and name) a valid form stands for. */
export function profileFrom(form: ProfileDto): { name: string; profile: MemberProfile } {
  return {
    name: form.name,
    profile: {
      title: form.title,
      company: form.company,
      revenueBand: form.revenueBand,
      businessModel: form.businessModel,
      industry: form.industry,
      ccoModel: form.ccoModel,
      reportsTo: form.reportsTo,
      boardMember: form.boardMember === 'yes',
      yearsInRole: Number(form.yearsInRole),
      linkedinUrl: form.linkedinUrl ?? '',
    },
  };
}
