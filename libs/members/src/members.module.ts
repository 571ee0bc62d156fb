import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CountersModule } from '@roundtable/counters';
import { ApplicationDecision, ApplicationDecisionSchema } from './application-decision.schema';
import { MemberRepository } from './member.repository';
import { Member, MemberSchema } from './member.schema';
import { MemberVersionRepository } from './member-version.repository';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Member.name, schema: MemberSchema },
      { name: ApplicationDecision.name, schema: ApplicationDecisionSchema },
    ]),
    CountersModule,
  ],
  providers: [MemberRepository, MemberVersionRepository],
  exports: [MemberRepository, MemberVersionRepository],
})
export class MembersModule {}
