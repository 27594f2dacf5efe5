// Streams an XML file and hands over one small element tree at a time, within declared limits, in linear time.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../platform/errors.js';
import { type XmlLimits, xmlLimitExceeded, xmlLimitsOf, xmlRefused } from './xml-limits.js';

export type XmlNode = {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
};

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ROOT_BINDINGS: ReadonlyMap<string, string> = new Map([['xml', XML_NS]]);
/** Input is fed to the parser in slices this long, so that a limit is checked at least this often. */
const SLICE = 16_384;

/**
 * Yields every element named `local` (in no namespace) with its whole subtree, in document order.
 * Namespaces are resolved here, not by saxes: its resolver walks every open tag for each element, which is
 * quadratic in the nesting depth; ours keeps one map per declaring element, so each lookup is constant time.
 */
export async function* readElements(
  input: Readable,
  local: string,
  limits: Partial<XmlLimits> = {},
): AsyncGenerator<XmlNode> {
  const reader = new LimitedTreeReader(local, xmlLimitsOf(limits));
  input.setEncoding('utf8');
  for await (const chunk of input) {
    for (let at = 0; at < (chunk as string).length; at += SLICE) {
      reader.write((chunk as string).slice(at, at + SLICE));
      yield* reader.takeDone();
    }
  }
  reader.close();
  yield* reader.takeDone();
}

type Frame = { bindings: ReadonlyMap<string, string>; node: XmlNode | null };

class LimitedTreeReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly frames: Frame[] = [];
  private readonly done: XmlNode[] = [];
  private elements = 0;
  private recordElements = 0;
  private fed = 0;
  private lastEventAt = 0;

  constructor(
    private readonly local: string,
    private readonly limits: XmlLimits,
  ) {
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', () => this.closeElement());
    this.parser.on('text', (text) => this.addText(text));
    this.parser.on('cdata', (text) => this.addText(text));
    this.parser.on('comment', () => this.seen());
    this.parser.on('processinginstruction', () => this.seen());
    this.parser.on('doctype', () => {
      throw xmlRefused('doctype', '', this.parser.line);
    });
  }

  write(slice: string) {
    this.guard(() => this.parser.write(slice));
    this.fed += slice.length;
    // A token (text, attribute value, comment, tag) longer than the limit gives no event while it grows.
    if (this.fed - this.lastEventAt > this.limits.maxTextLength + SLICE)
      throw xmlLimitExceeded('maxTextLength', this.limits.maxTextLength, this.parser.line);
  }

  close() {
    this.guard(() => this.parser.close());
  }

  *takeDone(): Generator<XmlNode> {
    while (this.done.length > 0) yield this.done.shift() as XmlNode;
  }

  private guard(step: () => void) {
    try {
      step();
    } catch (error) {
      if (error instanceof AppError) throw error;
      const detail = error instanceof Error ? error.message.replace(/^[^:]*:\d+:\d+: /, '') : String(error);
      throw xmlRefused('malformed', detail, this.parser.line);
    }
  }

  private seen() {
    this.lastEventAt = this.fed;
  }

  private open(tag: SaxesTagPlain) {
    this.seen();
    const line = this.parser.line;
    if (this.frames.length >= this.limits.maxDepth)
      throw xmlLimitExceeded('maxDepth', this.limits.maxDepth, line);
    if (++this.elements > this.limits.maxElements)
      throw xmlLimitExceeded('maxElements', this.limits.maxElements, line);
    const names = Object.keys(tag.attributes);
    if (names.length > this.limits.maxAttributes)
      throw xmlLimitExceeded('maxAttributes', this.limits.maxAttributes, line);
    const parent = this.frames.at(-1);
    const bindings = bindingsOf(parent?.bindings ?? ROOT_BINDINGS, tag.attributes);
    const [prefix, name] = splitName(tag.name);
    const uri = resolve(bindings, prefix, line);
    const isRecord = !parent?.node && name === this.local && uri === '';
    if (isRecord) this.recordElements = 0;
    let node: XmlNode | null = null;
    if (isRecord || parent?.node) {
      if (++this.recordElements > this.limits.maxRecordElements)
        throw xmlLimitExceeded('maxRecordElements', this.limits.maxRecordElements, line);
      node = { name, uri, attributes: attributesOf(tag.attributes), children: [], text: '' };
      parent?.node?.children.push(node);
    }
    this.frames.push({ bindings, node });
  }

  private closeElement() {
    this.seen();
    const frame = this.frames.pop();
    if (frame?.node && !this.frames.at(-1)?.node) this.done.push(frame.node);
  }

  private addText(text: string) {
    this.seen();
    const node = this.frames.at(-1)?.node;
    if (!node) return;
    if (node.text.length + text.length > this.limits.maxTextLength)
      throw xmlLimitExceeded('maxTextLength', this.limits.maxTextLength, this.parser.line);
    node.text += text;
  }
}

function splitName(qualified: string): [string, string] {
  const colon = qualified.indexOf(':');
  return colon < 0 ? ['', qualified] : [qualified.slice(0, colon), qualified.slice(colon + 1)];
}

/** The namespace bindings in scope: the parent's, or a copy with this element's declarations. */
function bindingsOf(
  inherited: ReadonlyMap<string, string>,
  attributes: Record<string, string>,
): ReadonlyMap<string, string> {
  let own: Map<string, string> | null = null;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    own ??= new Map(inherited);
    own.set(name === 'xmlns' ? '' : name.slice(6), value);
  }
  return own ?? inherited;
}

function resolve(bindings: ReadonlyMap<string, string>, prefix: string, line: number): string {
  const uri = bindings.get(prefix);
  if (uri !== undefined) return uri;
  if (prefix === '') return '';
  throw xmlRefused('malformed', `the prefix "${prefix}" is not declared (xmlns:${prefix})`, line);
}

/** Attributes by local name; `xml:lang` keeps its prefix; namespace declarations are left out. */
function attributesOf(attributes: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [qualified, value] of Object.entries(attributes)) {
    if (qualified === 'xmlns' || qualified.startsWith('xmlns:')) continue;
    const [prefix, name] = splitName(qualified);
    result[prefix === 'xml' ? `xml:${name}` : name] = value;
  }
  return result;
}

export function child(node: XmlNode, name: string, uri = ''): XmlNode | undefined {
  return node.children.find((c) => c.name === name && c.uri === uri);
}

export function childrenOf(node: XmlNode, name: string, uri = ''): XmlNode[] {
  return node.children.filter((c) => c.name === name && c.uri === uri);
}
