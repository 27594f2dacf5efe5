// Keys for the rows of a list edited in a form. Pure; no React.

/** Every row carries a key of its own: rows are added and removed, so their place is no identity. */
export type Keyed = { key: string };

let lastKey = 0;
export const newRowKey = (): string => `row-${++lastKey}`;
export const withKeys = <T extends object>(items: readonly T[]): (T & Keyed)[] =>
  items.map((item) => ({ ...item, key: newRowKey() }));
export const withoutKey = <T extends Keyed>({ key: _key, ...rest }: T): Omit<T, 'key'> => rest;
