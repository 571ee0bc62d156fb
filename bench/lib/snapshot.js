// A survey's result snapshot computed by the worker's own code (reporting's RankingComputer in a Nest
// context of the built libs), so the console's results page has what it shows in production.
'use strict';
const path = require('node:path');
const servers = require('../../tools/servers/local-servers');

async function computeSnapshot(environment, surveyId) {
  Object.assign(process.env, { ...environment.env, LOG_LEVEL: 'error' });
  const dist = (lib) => require(path.join(servers.ROOT, 'dist', 'libs', lib, 'src', 'index.js'));
  const { NestFactory } = require('@nestjs/core');
  const { Module } = require('@nestjs/common');
  const { CoreModule } = dist('core');
  const { ReportingWorkerModule, RankingComputer } = dist('reporting');
  class SnapshotBenchModule {}
  Module({ imports: [CoreModule, ReportingWorkerModule] })(SnapshotBenchModule);
  const app = await NestFactory.createApplicationContext(SnapshotBenchModule, { logger: ['error'] });
  try {
    return await app.get(RankingComputer).compute(surveyId, 'demand');
  } finally {
    await app.close();
  }
}

module.exports = { computeSnapshot };
