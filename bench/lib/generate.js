// Data generators: members, posts and comments shaped like the app's own schemas, written with the
// raw driver in bulk (insertMany of a few thousand at a time), so a benchmark's set-up is quick and
// measures nothing of the app. Deterministic: the same sizes give the same documents.
'use strict';
const { MongoClient, ObjectId } = require('mongoose').mongo;

const REVENUE = ['<$100M', '$100M–$1B', '>$1B'];
const BUSINESS = ['B2B', 'B2C', 'Both'];
const CCO = ['Service Revenue Driver', 'Generalist', 'Champion by Committee'];
const INDUSTRIES = ['Software and technology', 'Financial services', 'Insurance', 'Healthcare', 'Manufacturing'];
const TAGS = ['customer-experience', 'metrics', 'culture', 'strategy', 'voice-of-the-customer', 'retention'];
const BATCH = 2_000;

/** A small deterministic generator (mulberry32), so data sets are reproducible. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

async function insertInBatches(collection, count, make) {
  for (let start = 0; start < count; start += BATCH) {
    const docs = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) docs.push(make(i));
    await collection.insertMany(docs, { ordered: false });
  }
}

/** An ObjectId whose time part is `date`, so ids sort like creation times (as the app's do). */
function idAt(date, i) {
  const hex =
    Math.floor(date.getTime() / 1000)
      .toString(16)
      .padStart(8, '0') + i.toString(16).padStart(16, '0');
  return new ObjectId(hex);
}

function member(i, rnd, now) {
  const createdAt = new Date(now.getTime() - (i + 1) * 60_000);
  return {
    _id: idAt(createdAt, i),
    email: `member${i}@bench.roundtable.test`,
    name: `Bench Member ${i}`,
    role: 'member',
    membership: {
      tier: pick(rnd, ['council', 'executive']),
      state: 'active',
      entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports'],
    },
    profile: {
      title: 'Chief Customer Officer',
      company: `Company ${i}`,
      revenueBand: pick(rnd, REVENUE),
      businessModel: pick(rnd, BUSINESS),
      industry: pick(rnd, INDUSTRIES),
      ccoModel: pick(rnd, CCO),
      reportsTo: rnd() < 0.6 ? 'CEO' : 'Other',
      boardMember: rnd() < 0.2,
      yearsInRole: 1 + Math.floor(rnd() * 10),
      linkedinUrl: `https://www.linkedin.com/in/bench-member-${i}`,
    },
    application: { status: 'approved', submittedAt: createdAt, decidedAt: createdAt, decidedBy: null },
    pictureUrl: null,
    deletionRequestedAt: null,
    createdAt,
    updatedAt: createdAt,
  };
}

/** A published public post of about 1,500 words of HTML (a typical long post). */
function post(i, rnd, now, author) {
  const publishedAt = new Date(now.getTime() - (i + 1) * 3_600_000);
  const paragraphs = Array.from(
    { length: 12 },
    (_, p) =>
      `Paragraph ${p + 1} of post ${i}: the council's members compared how they measure customer health, ` +
      'which forums hold the organisation accountable, and what changed when the role reported to the CEO. '.repeat(4),
  );
  const tags = [pick(rnd, TAGS), pick(rnd, TAGS)].filter((t, k, all) => all.indexOf(t) === k);
  const title = `Bench post ${i}: what customer officers own`;
  return {
    _id: idAt(publishedAt, i),
    title,
    slug: `bench-post-${i}`,
    previousSlugs: [],
    bodyMarkdown: paragraphs.join('\n\n'),
    bodyHtml: paragraphs.map((text) => `<p>${text}</p>`).join('\n'),
    excerpt: paragraphs[0].slice(0, 200),
    coverImageUrl: null,
    authorId: String(author._id),
    authorName: author.name,
    guest: false,
    tags,
    categories: ['research'],
    searchTerms: [...title.toLowerCase().split(/\W+/).filter(Boolean), ...tags],
    status: 'published',
    visibility: 'public',
    tiers: [],
    publishedAt,
    reviewNote: null,
    notifyAuthor: true,
    createdAt: publishedAt,
    updatedAt: publishedAt,
  };
}

function comment(i, postId, memberDoc, createdAt) {
  return {
    _id: idAt(createdAt, i),
    postId: String(postId),
    parentId: null,
    memberId: String(memberDoc._id),
    authorName: memberDoc.name,
    guestEmail: null,
    body: `Comment ${i}: in our company the customer officer owns the voice-of-the-customer programme and reports monthly.`,
    status: 'approved',
    notifyReplies: true,
    notified: true,
    createdAt,
    updatedAt: createdAt,
  };
}

/**
 * Writes `members` members, `posts` published posts and `comments` comments, of which exactly 50 are
 * on `bench-post-0` (the post page measured) and the rest spread over the other posts.
 */
async function generateBlog(uri, { members, posts, comments }) {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    const rnd = random(20);
    const now = new Date();
    const memberDocs = [];
    await insertInBatches(db.collection('members'), members, (i) => {
      const doc = member(i, rnd, now);
      if (i < 200) memberDocs.push(doc);
      return doc;
    });
    const postDocs = [];
    await insertInBatches(db.collection('posts'), posts, (i) => {
      const doc = post(i, rnd, now, memberDocs[i % memberDocs.length]);
      postDocs.push(doc);
      return doc;
    });
    const onFirst = Math.min(50, comments);
    await insertInBatches(db.collection('comments'), comments, (i) => {
      const target = i < onFirst || postDocs.length === 1 ? postDocs[0] : postDocs[1 + (i % (postDocs.length - 1))];
      return comment(
        i,
        target._id,
        memberDocs[i % memberDocs.length],
        new Date(target.publishedAt.getTime() + i * 1000),
      );
    });
    return {
      members,
      posts,
      comments,
      commentsOnMeasuredPost: onFirst,
      measuredPost: '/blog/bench-post-0',
      firstMemberId: memberDocs[0]._id,
    };
  } finally {
    await client.close();
  }
}

/** One staff member (role staff, no membership), who signs in to the admin console. Returns its id. */
async function generateStaff(uri) {
  const client = await MongoClient.connect(uri);
  try {
    const staff = {
      ...member(0, random(21), new Date()),
      _id: new ObjectId(),
      email: 'staff@bench.roundtable.test',
      name: 'Bench Staff',
      role: 'staff',
      membership: null,
    };
    await client.db().collection('members').insertOne(staff);
    return staff._id;
  } finally {
    await client.close();
  }
}

module.exports = { generateBlog, generateStaff, random, insertInBatches, idAt, member };
