// Builds the job-offer check's browser files into dist/check: one script per UN language (the rules, the page
// code and that language's words only), the service worker and the style sheet. Run by `npm run build`.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { buildCountryList } from '../src/reference/countries.js';
import { LANGUAGES, type Language } from '../src/reference/schemas.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engineDir = path.join(root, 'src/prevention/offer-check');
const pageDir = path.join(engineDir, 'page');
const outDir = path.join(root, process.env.CHECK_ASSETS_DIR ?? 'dist/check');
/** The whole first load's script must stay far below the 100 KB the check promises. */
const MAX_SCRIPT_GZIP_BYTES = 40_000;

type Tree = { [key: string]: unknown };

/** A texts file cut down to one language: every {ar, zh, en, …} object keeps only that language. */
function inLanguage(node: unknown, language: Language): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((child) => inLanguage(child, language));
  if ('en' in node && typeof (node as Tree).en === 'string') return { [language]: (node as Tree)[language] };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inLanguage(value, language)]));
}

async function jsonIn(file: string, language: Language): Promise<string> {
  return JSON.stringify(inLanguage(JSON.parse(await readFile(file, 'utf8')), language));
}

/**
 * Swaps, for one language, what the server's modules load in full: the checked texts of all six languages
 * (and the schema library that checks them), the page's words, and the country names of every language.
 */
function oneLanguage(language: Language): Plugin {
  const virtual = (name: string) => `\0offer-check:${name}`;
  return {
    name: 'offer-check-one-language',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      const from = path.dirname(importer);
      if (source === './texts.js' && from === engineDir) return virtual('engine-texts');
      if (source === './texts.json' && from === pageDir) return virtual('page-texts');
      if (source.endsWith('/reference/countries.js')) return virtual('countries');
      return null;
    },
    async load(id) {
      if (id === virtual('engine-texts'))
        return [
          `export { fill, say } from ${JSON.stringify(path.join(engineDir, 'fill.ts'))};`,
          `export { CONTACT_KIND_ORDER } from ${JSON.stringify(path.join(engineDir, 'constants.ts'))};`,
          `export const OFFER_TEXTS = ${await jsonIn(path.join(engineDir, 'data/texts.json'), language)};`,
        ].join('\n');
      if (id === virtual('page-texts'))
        return `export default ${await jsonIn(path.join(pageDir, 'texts.json'), language)};`;
      if (id === virtual('countries')) {
        const countries = buildCountryList().map((country) => ({
          iso3: country.iso3,
          names: { [language]: country.names[language] },
        }));
        return `const COUNTRIES = ${JSON.stringify(countries)};\nexport function buildCountryList() { return COUNTRIES; }`;
      }
      return null;
    },
  };
}

async function bundle(entry: string, fileName: string, plugins: Plugin[]): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2019',
      minify: 'esbuild',
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: 'offerCheck', fileName: () => fileName },
    },
  });
}

/** Our own small style sheet without comments and spare spaces; it has no strings or URLs to protect. */
function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

async function gzipSize(file: string): Promise<number> {
  return gzipSync(await readFile(file)).length;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const sizes: string[] = [];
  for (const language of LANGUAGES) {
    const fileName = `check.${language}.js`;
    await bundle(path.join(pageDir, 'browser/enhance.ts'), fileName, [oneLanguage(language)]);
    const size = await gzipSize(path.join(outDir, fileName));
    if (size > MAX_SCRIPT_GZIP_BYTES)
      throw new Error(`${fileName} is ${size} bytes gzipped, over the ${MAX_SCRIPT_GZIP_BYTES} allowed`);
    sizes.push(`${fileName} ${size} B gzip`);
  }
  await bundle(path.join(pageDir, 'browser/service-worker.ts'), 'sw.js', []);
  const css = await readFile(path.join(pageDir, 'check.css'), 'utf8');
  await writeFile(path.join(outDir, 'check.css'), compactCss(css));
  sizes.push(`sw.js ${await gzipSize(path.join(outDir, 'sw.js'))} B gzip`);
  sizes.push(`check.css ${(await stat(path.join(outDir, 'check.css'))).size} B`);
  console.log(`offer check → ${path.relative(root, outDir)}: ${sizes.join(', ')}`);
}

await main();
