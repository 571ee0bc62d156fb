import { formatDay, parseDay } from '@roundtable/census';
import { BUSINESS_MODELS, CCO_MODELS, INDUSTRIES } from '@roundtable/members';
import { normaliseCompany, normalisePerson } from '../names';
import type { ReferenceCompany } from '../reference/reference-list.schema';
import type { TenureFields } from '../tenures/tenure.repository';

/**
 * A demo roster in the shape of the council's published figures: fewer than 30 in the role on
 * 1 January 2003, about 450 at the end of 2010, a median tenure near 29 months, and under 10% of a
 * 500-company reference list ("Fortune 500, 2010") with someone in the role. Month by month, people
 * arrive to bring the population to a target curve; each tenure lasts a Weibull-distributed time
 * with a median of 29 months; some who leave take the role again at another company. Seeded, so the
 * same `until` date always gives the same roster.
 */
export const DEMO_LIST_NAME = 'Fortune 500, 2010';
export const DEMO_LIST_DATE = '2010-06-01';
const MEDIAN_MONTHS = 29;
const SHAPE = 1.3;
const DAYS_PER_MONTH = 30.4375;
/** Target population on 1 January of these years; exponential in between, flat after the last. */
const TARGET: [number, number][] = [
  [1998, 6],
  [2003, 24],
  [2011, 472],
  [2027, 900],
];
const FORTUNE_SHARE = 0.06;

const FIRST = [
  'Alex',
  'Jordan',
  'Priya',
  'Sam',
  'Maria',
  'Wei',
  'Fatima',
  'Lukas',
  'Aisha',
  'Diego',
  'Hannah',
  'Kenji',
  'Olivia',
  'Rahul',
  'Sofia',
  'Tom',
  'Yara',
  'Noah',
  'Chloé',
  'Ibrahim',
  'Elena',
  'Marcus',
  'Ana',
  'Björn',
  'Grace',
  'Omar',
  'Lena',
  'Pedro',
  'Mei',
  'David',
];
const LAST = [
  'Anders',
  'Baptiste',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Müller',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Walsh',
  'Xu',
  'Yilmaz',
  'Zhang',
  'Novak',
  'Haddad',
  'Kim',
  'Silva',
  'Moreau',
  'Berg',
  'Costa',
  'Singh',
  'Murphy',
  'Larsen',
  'Ito',
  'Reyes',
  'Cohen',
  'Adeyemi',
];
const STEM = [
  'North',
  'Blue',
  'Summit',
  'Harbor',
  'Apex',
  'Cedar',
  'Pioneer',
  'Atlas',
  'Silver',
  'Vertex',
  'Meridian',
  'Crest',
  'Orion',
  'Beacon',
  'Granite',
  'Lumen',
  'Evergreen',
  'Falcon',
  'Keystone',
  'Horizon',
  'Redwood',
  'Sterling',
  'Tidal',
  'Union',
  'Westfield',
  'Zenith',
  'Anchor',
  'Bright',
  'Coastal',
  'Delta',
  'Echo',
  'Frontier',
  'Global',
  'Iron',
  'Jade',
  'Kinetic',
  'Liberty',
  'Nova',
  'Oak',
  'Prime',
];
const KIND = [
  'Bank',
  'Insurance',
  'Logistics',
  'Software',
  'Telecom',
  'Health',
  'Retail',
  'Energy',
  'Foods',
  'Airlines',
  'Systems',
  'Networks',
  'Capital',
  'Motors',
  'Pharma',
  'Media',
  'Hotels',
  'Analytics',
  'Financial',
  'Industries',
];
const TITLES = [
  'Chief Customer Officer',
  'Chief Customer Officer',
  'Chief Customer Officer',
  'Chief Client Officer',
  'Chief Experience Officer',
  'SVP Customer Experience',
];
const REGIONS: [string, number][] = [
  ['North America', 0.5],
  ['EMEA', 0.3],
  ['APAC', 0.15],
  ['Latin America', 0.05],
];

export interface DemoRoster {
  tenures: TenureFields[];
  list: { name: string; date: string; companies: ReferenceCompany[] };
}

export function demoRoster(until: string, seed = 2003): DemoRoster {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32: small, fast and good enough for demo data.
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const weighted = (choices: [string, number][]) => {
    let r = random();
    for (const [value, weight] of choices) {
      if ((r -= weight) < 0) {
        return value;
      }
    }
    return choices[choices.length - 1][0];
  };
  const companies = STEM.flatMap((stem) => KIND.map((kind) => `${stem} ${kind}`));
  // The list: 500 companies, written as a list writes them ("Inc."), matched to the roster's plain names.
  const fortune = [...companies].sort(() => random() - 0.5).slice(0, 500);
  const fortuneSet = new Set(fortune);
  const others = companies.filter((name) => !fortuneSet.has(name));
  const scale = MEDIAN_MONTHS / Math.log(2) ** (1 / SHAPE);
  const duration = () => Math.max(1, Math.round(scale * (-Math.log(1 - random())) ** (1 / SHAPE) * DAYS_PER_MONTH));

  const end = parseDay(until) as number;
  const tenures: TenureFields[] = [];
  const active: { person: string; endDay: number }[] = [];
  const leavers: { person: string; left: number }[] = [];
  let people = 0;
  for (let year = TARGET[0][0], month = 0; ; month++) {
    if (month === 12) {
      month = 0;
      year++;
    }
    const day = Date.UTC(year, month, 1) / 86_400_000;
    if (day > end) {
      break;
    }
    for (let k = active.length - 1; k >= 0; k--) {
      if (active[k].endDay <= day) {
        leavers.push({ person: active[k].person, left: active[k].endDay });
        active.splice(k, 1);
      }
    }
    const arrivals = Math.max(0, Math.round(target(year + month / 12) - active.length));
    for (let a = 0; a < arrivals; a++) {
      const start = day + Math.floor(random() * 28);
      if (start > end) {
        continue;
      }
      const recent = leavers.findIndex((leaver) => start - leaver.left < 180 && start > leaver.left);
      const person =
        recent >= 0 && random() < 0.5
          ? leavers.splice(recent, 1)[0].person
          : `${pick(FIRST)} ${pick(LAST)} ${++people}`;
      const stop = start + duration();
      const atFortune = random() < FORTUNE_SHARE;
      const company = atFortune ? pick(fortune) : pick(others);
      const big = atFortune || random() < 0.3;
      tenures.push({
        person: person.replace(/ \d+$/, ''),
        personKey: normalisePerson(person),
        company,
        companyKey: normaliseCompany(company),
        companyId: null,
        title: pick(TITLES),
        start: formatDay(start),
        end: stop <= end ? formatDay(stop) : null,
        revenueBand: big ? '>$1B' : pick(['<$100M', '$100M–$1B']),
        businessModel: weighted([
          [BUSINESS_MODELS[0], 0.6],
          [BUSINESS_MODELS[1], 0.3],
          [BUSINESS_MODELS[2], 0.1],
        ]),
        industry: pick(INDUSTRIES),
        region: weighted(REGIONS),
        ccoModel: pick(CCO_MODELS),
        source: 'Demo data',
        memberId: null,
      });
      active.push({ person, endDay: stop });
    }
  }
  return {
    tenures,
    list: {
      name: DEMO_LIST_NAME,
      date: DEMO_LIST_DATE,
      companies: fortune.map((name) => ({ name: `${name}, Inc.`, id: null, key: normaliseCompany(`${name}, Inc.`) })),
    },
  };
}

function target(time: number): number {
  for (let k = 1; k < TARGET.length; k++) {
    const [y1, p1] = TARGET[k];
    const [y0, p0] = TARGET[k - 1];
    if (time < y1) {
      return p0 * (p1 / p0) ** ((time - y0) / (y1 - y0));
    }
  }
  return TARGET[TARGET.length - 1][1];
}
