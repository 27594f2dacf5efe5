// A categorical dataset held by column: each column's distinct values once, and one small integer code
// per record. Releases work on these codes, never on strings, so that counting combinations over a
// million records stays a matter of typed arrays. Pure: no I/O here.

/** The code every column gives a missing (empty) value; present values are coded from 1. */
export const MISSING = 0;

export type Column = {
  name: string;
  /** values[code]; values[MISSING] is always ''. */
  values: string[];
  /** One code per record. */
  codes: Uint32Array;
};

export type Dataset = { rowCount: number; columns: Column[] };

/** Codes strings as they come, column by column. */
export class DatasetBuilder {
  private readonly dictionaries: Map<string, number>[];
  private readonly values: string[][];
  private codes: Uint32Array[];
  private rows = 0;

  constructor(
    readonly names: string[],
    capacity = 1024,
  ) {
    this.dictionaries = names.map(() => new Map([['', MISSING]]));
    this.values = names.map(() => ['']);
    this.codes = names.map(() => new Uint32Array(capacity));
  }

  add(cells: readonly string[]): void {
    if (this.rows === this.codes[0]?.length) this.grow();
    for (let column = 0; column < this.names.length; column++) {
      const value = (cells[column] ?? '').trim();
      const dictionary = this.dictionaries[column] as Map<string, number>;
      let code = dictionary.get(value);
      if (code === undefined) {
        code = dictionary.size;
        dictionary.set(value, code);
        (this.values[column] as string[]).push(value);
      }
      (this.codes[column] as Uint32Array)[this.rows] = code;
    }
    this.rows++;
  }

  build(): Dataset {
    return {
      rowCount: this.rows,
      columns: this.names.map((name, column) => ({
        name,
        values: this.values[column] as string[],
        codes: (this.codes[column] as Uint32Array).slice(0, this.rows),
      })),
    };
  }

  private grow(): void {
    this.codes = this.codes.map((old) => {
      const grown = new Uint32Array(Math.max(1024, old.length * 2));
      grown.set(old);
      return grown;
    });
  }
}

export function datasetFromRows(names: string[], rows: readonly (readonly string[])[]): Dataset {
  const builder = new DatasetBuilder(names, Math.max(1, rows.length));
  for (const row of rows) builder.add(row);
  return builder.build();
}

export function columnIndex(dataset: Dataset, name: string): number {
  return dataset.columns.findIndex((column) => column.name === name);
}
