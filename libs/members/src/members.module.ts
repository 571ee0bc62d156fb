import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MemberRepository } from './member.repository';
import { Member, MemberSchema } from './member.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Member.name, schema: MemberSchema }])],
  providers: [MemberRepository],
  exports: [MemberRepository],
})
export class MembersModule {}
