import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@roundtable/jobs';
import { mailConfig } from './mail.config';
import { MailService } from './mail.service';
import { MailTransport } from './sending/mail-transport.service';
import {
  MailSuppression,
  MailSuppressionSchema,
  UnsubscribeLink,
  UnsubscribeLinkSchema,
} from './suppression/suppression.schema';
import { SuppressionRepository } from './suppression/suppression.repository';
import { UnsubscribeService } from './suppression/unsubscribe.service';
import { UnsubscribeController } from './suppression/unsubscribe.controller';

@Module({
  imports: [
    ConfigModule.forFeature(mailConfig),
    JobsModule,
    MongooseModule.forFeature([
      { name: MailSuppression.name, schema: MailSuppressionSchema },
      { name: UnsubscribeLink.name, schema: UnsubscribeLinkSchema },
    ]),
  ],
  controllers: [UnsubscribeController],
  providers: [MailService, MailTransport, SuppressionRepository, UnsubscribeService],
  exports: [MailService, MailTransport, SuppressionRepository, UnsubscribeService],
})
export class MailModule {}
