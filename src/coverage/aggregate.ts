// Grouping activities into coverage cells: country × pillar × activity type × target group × form. Pure.

/** One activity as the matrix needs it. */
export type CompactActivity = [
  countries: string[],
  pillar: string,
  activityType: string,
  targetGroups: string[],
  forms: string[],
  organisationIds: string[],
  reached: number | null,
  budget: number | null,
  currency: string | null,
];

export type CellFigures = {
  iso3: string;
  pillar: string;
  activityType: string;
  targetGroup: string | null;
  form: string | null;
  organisations: number;
  activities: number;
  peopleReached: number | null;
  budget: number;
  budgetOtherCurrencies: number;
};

export type CellFilter = {
  currency: string;
  countries?: readonly string[] | undefined;
  targetGroup?: string | undefined;
  form?: string | undefined;
};

/** The text form of activities the matrix query returns: one line each, fields split by "|", lists by ",". */
export function compactLine(a: CompactActivity): string {
  return [
    a[0].join(','),
    a[1],
    a[2],
    a[3].join(','),
    a[4].join(','),
    a[5].join(','),
    a[6] ?? '',
    a[7] ?? '',
    a[8] ?? '',
  ].join('|');
}

export function aggregateMatrix(activities: readonly CompactActivity[], filter: CellFilter): CellFigures[] {
  return aggregateMatrixText(activities.map(compactLine).join('\n'), filter);
}

/** Values numbered in the order met; 0 stands for "none named". Ranks give the sorted order at the end. */
class Dictionary {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(value: string): number {
    let found = this.numbers.get(value);
    if (found === undefined) {
      this.values.push(value);
      found = this.values.length;
      this.numbers.set(value, found);
    }
    return found;
  }

  /** rank[n] is the place of value n in sorted order (0 stays first). */
  ranks(): number[] {
    const order = this.values
      .map((value, i) => ({ value, n: i + 1 }))
      .sort((a, b) => (a.value < b.value ? -1 : 1));
    const rank = [0];
    order.forEach((entry, place) => {
      rank[entry.n] = place + 1;
    });
    return rank;
  }
}

// Room for each dimension in a cell's number: ISO 3166 has 249 codes, the code lists far fewer than these.
const RADIX = { form: 64, group: 128, type: 128, pillar: 16 } as const;

/**
 * Adds each activity in full to every cell it touches (each of its countries, target groups and forms; none named
 * counts as null). Organisations are counted distinct per cell; budgets are summed in one currency only.
 *
 * Reads the text in one pass and numbers each cell arithmetically from its dimensions, so that tens of thousands
 * of cells cost no key strings or objects until the answer is written (measured in bench/coverage).
 */
export function aggregateMatrixText(text: string, filter: CellFilter): CellFigures[] {
  const wanted = filter.countries?.length ? new Set(filter.countries) : null;
  const dimensions = {
    country: new Dictionary(),
    pillar: new Dictionary(),
    type: new Dictionary(),
    group: new Dictionary(),
    form: new Dictionary(),
    organisation: new Dictionary(),
  };
  const cells = new CellTable();
  const groupFilter = filter.targetGroup ? dimensions.group.numberOf(filter.targetGroup) : -1;
  const formFilter = filter.form ? dimensions.form.numberOf(filter.form) : -1;
  const numbers = (field: string | undefined, dictionary: Dictionary, only: number): number[] => {
    const list = field ? field.split(',').map((v) => dictionary.numberOf(v)) : [0];
    return only < 0 ? list : list.filter((n) => n === only);
  };
  if (text)
    for (const line of text.split('\n')) {
      const [countries, pillar, type, groups, forms, organisations, reached, budget, currency] =
        line.split('|');
      const groupNumbers = numbers(groups, dimensions.group, groupFilter);
      const formNumbers = numbers(forms, dimensions.form, formFilter);
      if (!countries || groupNumbers.length === 0 || formNumbers.length === 0) continue;
      const orgs = organisations
        ? organisations.split(',').map((o) => dimensions.organisation.numberOf(o))
        : [];
      const amount = budget ? Number(budget) : null;
      const figures = {
        orgs,
        reached: reached ? Number(reached) : null,
        budget: amount !== null && currency === filter.currency ? amount : null,
        isOtherCurrency: amount !== null && currency !== filter.currency,
      };
      const base =
        dimensions.pillar.numberOf(pillar ?? '') * RADIX.type + dimensions.type.numberOf(type ?? '');
      for (const iso3 of countries.split(',')) {
        if (wanted && !wanted.has(iso3)) continue;
        const head = (dimensions.country.numberOf(iso3) * RADIX.pillar * RADIX.type + base) * RADIX.group;
        for (const g of groupNumbers)
          for (const f of formNumbers) cells.add((head + g) * RADIX.form + f, figures);
      }
    }
  return answer(cells, dimensions);
}

type Dimensions = Record<'country' | 'pillar' | 'type' | 'group' | 'form' | 'organisation', Dictionary>;

function answer(cells: CellTable, d: Dimensions): CellFigures[] {
  const rank = {
    c: d.country.ranks(),
    p: d.pillar.ranks(),
    t: d.type.ranks(),
    g: d.group.ranks(),
    f: d.form.ranks(),
  };
  const decoded = cells.codes.map((code, at) => {
    const f = code % RADIX.form;
    const g = Math.floor(code / RADIX.form) % RADIX.group;
    const t = Math.floor(code / (RADIX.form * RADIX.group)) % RADIX.type;
    const p = Math.floor(code / (RADIX.form * RADIX.group * RADIX.type)) % RADIX.pillar;
    const c = Math.floor(code / (RADIX.form * RADIX.group * RADIX.type * RADIX.pillar));
    const sortKey =
      ((((rank.c[c] as number) * RADIX.pillar + (rank.p[p] as number)) * RADIX.type + (rank.t[t] as number)) *
        RADIX.group +
        (rank.g[g] as number)) *
        RADIX.form +
      (rank.f[f] as number);
    return { at, c, p, t, g, f, sortKey };
  });
  decoded.sort((a, b) => a.sortKey - b.sortKey);
  return decoded.map(({ at, c, p, t, g, f }) => ({
    iso3: d.country.values[c - 1] as string,
    pillar: d.pillar.values[p - 1] as string,
    activityType: d.type.values[t - 1] as string,
    targetGroup: g === 0 ? null : (d.group.values[g - 1] as string),
    form: f === 0 ? null : (d.form.values[f - 1] as string),
    ...cells.figuresAt(at),
  }));
}

type ActivityFigures = {
  orgs: number[];
  reached: number | null;
  budget: number | null;
  isOtherCurrency: boolean;
};

/** The figures of each cell in parallel arrays; distinct organisations tracked as (cell, organisation) pairs. */
class CellTable {
  private readonly index = new Map<number, number>();
  readonly codes: number[] = [];
  private readonly organisations: number[] = [];
  private readonly activities: number[] = [];
  private readonly reached: (number | null)[] = [];
  private readonly budget: number[] = [];
  private readonly otherCurrencies: number[] = [];
  private readonly seenOrganisations = new Set<number>();

  add(code: number, figures: ActivityFigures) {
    let at = this.index.get(code);
    if (at === undefined) {
      at = this.codes.length;
      this.index.set(code, at);
      this.codes.push(code);
      this.organisations.push(0);
      this.activities.push(0);
      this.reached.push(null);
      this.budget.push(0);
      this.otherCurrencies.push(0);
    }
    for (const o of figures.orgs) {
      // Cells and organisations stay far below 2^26 each in practice; the pair is a safe integer regardless.
      const pair = at * 67_108_864 + o;
      if (this.seenOrganisations.has(pair)) continue;
      this.seenOrganisations.add(pair);
      this.organisations[at] = (this.organisations[at] as number) + 1;
    }
    this.activities[at] = (this.activities[at] as number) + 1;
    if (figures.reached !== null) this.reached[at] = (this.reached[at] ?? 0) + figures.reached;
    if (figures.budget !== null) this.budget[at] = (this.budget[at] as number) + figures.budget;
    if (figures.isOtherCurrency) this.otherCurrencies[at] = (this.otherCurrencies[at] as number) + 1;
  }

  figuresAt(at: number) {
    return {
      organisations: this.organisations[at] as number,
      activities: this.activities[at] as number,
      peopleReached: this.reached[at] ?? null,
      budget: Math.round((this.budget[at] as number) * 100) / 100,
      budgetOtherCurrencies: this.otherCurrencies[at] as number,
    };
  }
}
