// Colours of the UN M49 regions on the map and in its legend.
// Okabe & Ito's palette, chosen to stay distinguishable with the common colour-vision
// deficiencies; neighbouring regions (Africa–Asia–Europe, Asia–Oceania) get far-apart hues.

export const REGION_COLOURS: Readonly<Record<string, string>> = {
  '002': '#E69F00', // Africa: orange
  '019': '#0072B2', // Americas: blue
  '142': '#009E73', // Asia: bluish green
  '150': '#CC79A7', // Europe: reddish purple
  '009': '#D55E00', // Oceania: vermilion
};

/** A country or area with no M49 region (Antarctica), or land the reference data does not list. */
export const NO_REGION_COLOUR = '#AEB6BF';

export function regionColour(regionCode: string | null | undefined): string {
  return (regionCode ? REGION_COLOURS[regionCode] : undefined) ?? NO_REGION_COLOUR;
}
