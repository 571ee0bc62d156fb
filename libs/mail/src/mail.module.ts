import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { JobsModule } from '@roundtable/jobs';
import { mailConfig } from './mail.config';
import { MailService } from './mail.service';

@Module({
  imports: [ConfigModule.forFeature(mailConfig), JobsModule],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
