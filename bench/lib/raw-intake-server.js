// The intake baseline: the least work a completed submission needs, with the raw driver and no
// framework: hash the token, look its link up by `_id`, insert the completed response under the
// invitation's id (the unique `_id` admits one), answer 303. Runs in the benchmark's process.
'use strict';
const http = require('node:http');
const { MongoClient } = require('mongoose').mongo;
const { hash } = require('./generate-surveys');

async function startRawIntakeServer(uri) {
  const client = await MongoClient.connect(uri);
  const db = client.db();
  const links = db.collection('survey_links');
  const responses = db.collection('survey_responses');
  const server = http.createServer((req, res) => {
    const match = /^\/raw\/s\/([A-Za-z0-9_-]{43})$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    req.resume();
    req.on('end', () => {
      (async () => {
        const link = await links.findOne({ _id: hash(match[1]) });
        if (!link || link.revokedAt) {
          return res.writeHead(404).end();
        }
        const now = new Date();
        await responses.insertOne({
          _id: link.invitationId,
          surveyId: link.surveyId,
          held: ['item1', 'item2', 'item3'],
          profile: {},
          status: 'completed',
          startedAt: now,
          completedAt: now,
          updatedAt: now,
        });
        res.writeHead(303, { Location: `/s/${match[1]}/thanks` }).end();
      })().catch((error) => {
        res.writeHead(error?.code === 11000 ? 409 : 500).end();
      });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await client.close();
    },
  };
}

module.exports = { startRawIntakeServer };
