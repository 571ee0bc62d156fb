/**
 * A reference census for the specs, written the plain way from the contract's definitions: dates as
 * ISO strings compared as text, persons as sets, Kaplan–Meier as a life table (at risk minus those
 * leaving), the restricted mean as a sum over whole days. Independent of the packed, typed-array code.
 */
export interface RefTenure {
  person: string;
  company: string;
  start: string;
  end?: string | null;
  profile?: Record<string, string>;
}

const DAY = 86_400_000;
const MONTH = 365.25 / 12;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

interface Counted {
  person: string;
  company: string;
  start: string;
  /** null while in the role on the census date. */
  end: string | null;
  profile: Record<string, string>;
}

export function referenceCensus(
  asOf: string,
  tenures: RefTenure[],
  lists: { name: string; date: string; companies: string[] }[],
  options: { min_cell: number; restricted_months: number; survival_at: number[] },
) {
  const counted: Counted[] = tenures
    .filter((t) => t.start <= asOf)
    .map((t) => ({ ...t, profile: t.profile ?? {}, end: t.end && t.end <= asOf ? t.end : null }));
  const inRole = (t: Counted, day: string) => t.start <= day && (t.end === null || day < t.end);
  const firstYear = Math.min(...counted.map((t) => Number(t.start.slice(0, 4))));
  const lastYear = Number(asOf.slice(0, 4));
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    years.push(y);
  }
  const dates = years.map((y) => `${y}-01-01`);
  if (!dates.includes(asOf)) {
    dates.push(asOf);
  }
  const population = dates.map((date) => ({
    date,
    count: new Set(counted.filter((t) => inRole(t, date)).map((t) => t.person)).size,
  }));
  const perYear = (pick: (t: Counted) => string | null) =>
    years.map((year) => ({ year, count: counted.filter((t) => pick(t)?.startsWith(`${year}-`)).length }));
  const coverage = lists.map((list) => {
    const covered = list.companies.filter((c) => counted.some((t) => t.company === c && inRole(t, list.date))).length;
    return {
      name: list.name,
      date: list.date,
      companies: list.companies.length,
      covered,
      share: covered / list.companies.length,
    };
  });
  const attributes = [...new Set(counted.flatMap((t) => Object.keys(t.profile)))];
  const segments = attributes.map((attribute) => {
    const values = [...new Set(counted.map((t) => t.profile[attribute] ?? '(not given)'))];
    return {
      attribute,
      values: values.map((value) => {
        const cut = counted.filter((t) => (t.profile[attribute] ?? '(not given)') === value);
        const figures = tenureFigures(asOf, cut, options);
        return {
          value,
          tenures: cut.length,
          shown: cut.length >= options.min_cell,
          population: new Set(cut.filter((t) => inRole(t, asOf)).map((t) => t.person)).size,
          median_months: figures.median_months,
          restricted_mean_months: figures.restricted_mean_months,
          mean_completed_months: figures.mean_completed_months,
        };
      }),
    };
  });
  return {
    population,
    arrivals: perYear((t) => t.start),
    departures: perYear((t) => t.end),
    tenure: tenureFigures(asOf, counted, options),
    coverage,
    segments,
  };
}

function tenureFigures(
  asOf: string,
  counted: Counted[],
  options: { restricted_months: number; survival_at: number[] },
) {
  const table = new Map<number, { events: number; censored: number }>();
  for (const t of counted) {
    const days = daysBetween(t.start, t.end ?? asOf);
    const row = table.get(days) ?? { events: 0, censored: 0 };
    if (t.end === null) {
      row.censored++;
    } else {
      row.events++;
    }
    table.set(days, row);
  }
  const steps: { day: number; s: number }[] = [];
  let atRisk = counted.length;
  let s = 1;
  for (const day of [...table.keys()].sort((a, b) => a - b)) {
    const row = table.get(day)!;
    if (row.events > 0) {
      s *= 1 - row.events / atRisk;
      steps.push({ day, s });
    }
    atRisk -= row.events + row.censored;
  }
  const sAt = (day: number) => steps.filter((step) => step.day <= day).pop()?.s ?? 1;
  const tauDays = options.restricted_months * MONTH;
  // Events fall on whole days, so S is constant over [d, d + 1): the area is a sum of whole days.
  let area = 0;
  let next = 0;
  let current = 1;
  for (let d = 0; d < tauDays; d++) {
    while (next < steps.length && steps[next].day <= d) {
      current = steps[next++].s;
    }
    area += current * Math.min(1, tauDays - d);
  }
  const ended = counted.filter((t) => t.end !== null).map((t) => daysBetween(t.start, t.end!));
  const median = steps.find((step) => step.s <= 0.5);
  return {
    tenures: counted.length,
    ended: ended.length,
    censored: counted.length - ended.length,
    median_months: median ? median.day / MONTH : null,
    restricted_mean_months: area / MONTH,
    survival: options.survival_at.map((months) => ({ months, share: sAt(months * MONTH) })),
    mean_completed_months: ended.length ? ended.reduce((a, b) => a + b, 0) / ended.length / MONTH : null,
  };
}
