// Survey data for the intake and ranking benchmarks, in the shapes of libs/surveys' schemas, written
// with the raw driver in bulk: one open survey of 16 items, an invitation and a link per member (the
// tokens are returned, since only their hashes are stored), and optionally completed responses.
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const { MongoClient, ObjectId } = require('mongoose').mongo;
const { insertInBatches, random } = require('./generate');

const ITEMS = [
  'Customer-centric tactics',
  'Customer experience management',
  'Metrics and analytics related to customer-centricity',
  'Customer-centric culture',
  'Customer strategy',
  'Understanding customer needs',
  'Building customer relationships',
  'Voice of the customer programme',
  'Issue trending and complaint tracking',
  'Customer value metrics',
  'Defection early warning',
  'Service revenue and support operations',
  'Market sensing and customer segmentation',
  'Cross-functional accountability forums',
  'Change management and process change',
  'Internal customer advocacy',
].map((label, i) => ({ key: `item${i + 1}`, label }));

const PROFILE = {
  revenueBand: ['<$100M', '$100M–$1B', '>$1B'],
  businessModel: ['B2B', 'B2C', 'Both'],
  ccoModel: ['Service Revenue Driver', 'Generalist', 'Champion by Committee'],
};

const hash = (token) => createHash('sha256').update(token).digest('hex');

/** An answer: the items a respondent holds, in priority order (popular items held and ranked high more often). */
function held(rnd) {
  const chosen = ITEMS.filter((_, i) => rnd() < 0.85 - i * 0.045).map((item, i) => ({
    key: item.key,
    w: rnd() + i * 0.08,
  }));
  return chosen.sort((a, b) => a.w - b.w).map((c) => c.key);
}

/**
 * Writes the survey, `invitations` invitations (one per generated member id, status sent) with a link
 * each, and `responses` completed responses for the first invitations. Returns the survey id, the
 * tokens in invitation order and the invitation ids.
 */
async function generateSurvey(uri, { invitations, responses = 0 }) {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    const rnd = random(18);
    const now = new Date();
    const surveyId = new ObjectId();
    await db.collection('surveys').insertOne({
      _id: surveyId,
      title: 'Bench accountabilities survey',
      intro: 'Which functions are yours, and in what order of priority?',
      items: ITEMS,
      profileQuestions: Object.keys(PROFILE),
      audience: { tiers: [], filters: {} },
      opensAt: new Date(now.getTime() - 86_400_000),
      closesAt: new Date(now.getTime() + 30 * 86_400_000),
      reminders: [],
      status: 'open',
      sentAt: now,
      closedAt: null,
      copiedFrom: null,
    });
    const tokens = [];
    const ids = [];
    const profiles = [];
    await insertInBatches(db.collection('survey_invitations'), invitations, (i) => {
      const memberId = new ObjectId().toHexString();
      const id = `${surveyId.toHexString()}:${memberId}`;
      ids.push(id);
      const profile = Object.fromEntries(
        Object.entries(PROFILE).map(([k, values]) => [k, values[Math.floor(rnd() * values.length)]]),
      );
      profiles.push(profile);
      return {
        _id: id,
        surveyId: surveyId.toHexString(),
        memberId,
        email: `member${i}@bench.roundtable.test`,
        name: `Bench Member ${i}`,
        profile,
        tier: 'council',
        status: 'sent',
        lastError: null,
        sentAt: now,
        remindedAt: [],
        createdAt: now,
      };
    });
    await insertInBatches(db.collection('survey_links'), invitations, (i) => {
      const token = randomBytes(32).toString('base64url');
      tokens.push(token);
      return {
        _id: hash(token),
        invitationId: ids[i],
        surveyId: surveyId.toHexString(),
        createdAt: now,
        revokedAt: null,
        // As the send batch writes it: the invitation's segment values (libs/distribution segmentValues).
        segments: { tier: 'council', revenue: profiles[i].revenueBand },
      };
    });
    await insertInBatches(db.collection('survey_responses'), Math.min(responses, invitations), (i) => ({
      _id: ids[i],
      surveyId: surveyId.toHexString(),
      held: held(rnd),
      profile: profiles[i],
      status: 'completed',
      startedAt: now,
      completedAt: now,
      updatedAt: now,
    }));
    return { surveyId: surveyId.toHexString(), tokens, invitationIds: ids, items: ITEMS };
  } finally {
    await client.close();
  }
}

module.exports = { generateSurvey, hash, ITEMS };
