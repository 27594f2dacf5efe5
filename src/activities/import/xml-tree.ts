// Streams an XML file and hands over one small element tree at a time (saxes), so memory stays flat.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagNS } from 'saxes';

export type XmlNode = {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
};

/** Yields every element named `local` (in no namespace) with its whole subtree, in document order. */
export async function* readElements(input: Readable, local: string): AsyncGenerator<XmlNode> {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlNode[] = [];
  const done: XmlNode[] = [];
  let failure: Error | null = null;
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length === 0 && !(tag.local === local && tag.uri === '')) return;
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      const key = attribute.prefix === 'xml' ? `xml:${attribute.local}` : attribute.local;
      if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes[key] = attribute.value;
    }
    const node: XmlNode = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node && stack.length === 0) done.push(node);
  });
  parser.on('error', (error) => {
    failure = error;
  });
  input.setEncoding('utf8');
  for await (const chunk of input) {
    parser.write(chunk as string);
    if (failure) throw failure;
    while (done.length > 0) yield done.shift() as XmlNode;
  }
  parser.close();
  if (failure) throw failure;
  while (done.length > 0) yield done.shift() as XmlNode;
}

export function child(node: XmlNode, name: string, uri = ''): XmlNode | undefined {
  return node.children.find((c) => c.name === name && c.uri === uri);
}

export function childrenOf(node: XmlNode, name: string, uri = ''): XmlNode[] {
  return node.children.filter((c) => c.name === name && c.uri === uri);
}

/** The text of an IATI narrative: English or unmarked first, else the first one. */
export function narrativeOf(node: XmlNode | undefined): string | null {
  if (!node) return null;
  const narratives = childrenOf(node, 'narrative');
  const chosen =
    narratives.find((n) => !n.attributes['xml:lang'] || n.attributes['xml:lang'] === 'en') ?? narratives[0];
  const text = (chosen?.text ?? '').trim();
  return text || null;
}
