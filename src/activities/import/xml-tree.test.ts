// The XML reader: records with their namespaces, and every declared limit refused as the file is read.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import type { XmlLimits } from './xml-limits.js';
import { readElements, type XmlNode } from './xml-tree.js';

async function readAll(xml: string | Iterable<string>, limits: Partial<XmlLimits> = {}): Promise<XmlNode[]> {
  const nodes: XmlNode[] = [];
  for await (const node of readElements(Readable.from(typeof xml === 'string' ? [xml] : xml), 'a', limits))
    nodes.push(node);
  return nodes;
}

async function refusal(xml: string | Iterable<string>, limits: Partial<XmlLimits> = {}): Promise<AppError> {
  try {
    await readAll(xml, limits);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was not refused');
}

/** An endless stream of opening tags that counts how much of it was read. */
function* endlessNesting(read: { chunks: number }): Generator<string> {
  yield '<root><a>';
  for (;;) {
    read.chunks++;
    yield '<b>'.repeat(1000);
  }
}

describe('the XML reader', () => {
  it('hands over each record, at any depth, with its attributes, text and CDATA, in document order', async () => {
    const nodes = await readAll(
      `<root><a id="1" xml:lang="fr"><n>un &amp; deux</n></a><skip><a>inner</a></skip><a id="2"><n><![CDATA[<b>]]></n></a></root>`,
    );
    expect(nodes.map((n) => n.attributes)).toEqual([{ id: '1', 'xml:lang': 'fr' }, {}, { id: '2' }]);
    expect(nodes.map((n) => n.children[0]?.text ?? n.text)).toEqual(['un & deux', 'inner', '<b>']);
  });

  it('resolves default and prefixed namespaces declared on any ancestor', async () => {
    const [node] = await readAll('<root xmlns:c="urn:c"><a><c:x/><y xmlns="urn:d"><z/></y><w/></a></root>');
    const names = (n: XmlNode): string[] => [`${n.uri}|${n.name}`, ...n.children.flatMap(names)];
    expect(names(node as XmlNode)).toEqual(['|a', 'urn:c|x', 'urn:d|y', 'urn:d|z', '|w']);
  });

  it('refuses a prefix that is not declared, as a malformed file naming its line', async () => {
    const error = await refusal('<root>\n<a><q:x/></a></root>');
    expect(error).toMatchObject({ code: 'xml_not_accepted', status: 422 });
    expect(error.message).toMatch(/line 2: the prefix "q" is not declared/);
  });

  it('refuses 20,000 elements nested in a record at the depth limit, without reading on', async () => {
    const read = { chunks: 0 };
    const error = await refusal(endlessNesting(read));
    expect(error).toMatchObject({ code: 'xml_limit_exceeded', status: 413 });
    expect(error.fields?.[0]).toMatchObject({ path: 'file', code: 'maxDepth' });
    expect(error.message).toContain('64 elements nested inside each other (maxDepth)');
    expect(read.chunks).toBeLessThanOrEqual(1);
    const deep = `<root><a>${'<b>'.repeat(20_000)}${'</b>'.repeat(20_000)}</a></root>`;
    expect((await refusal(deep)).fields?.[0]?.code).toBe('maxDepth');
  });

  it('reads nesting up to the depth limit', async () => {
    const nested = (depth: number) => `${'<b>'.repeat(depth)}${'</b>'.repeat(depth)}`;
    await expect(readAll(`<root><a>${nested(8)}</a></root>`, { maxDepth: 10 })).resolves.toHaveLength(1);
    expect((await refusal(`<root><a>${nested(9)}</a></root>`, { maxDepth: 10 })).fields?.[0]?.code).toBe(
      'maxDepth',
    );
  });

  it('refuses more elements than the file or one record may hold', async () => {
    const flat = `<root>${'<a><b/></a>'.repeat(100)}</root>`;
    expect((await refusal(flat, { maxElements: 150 })).fields?.[0]?.code).toBe('maxElements');
    const big = `<root><a>${'<b/>'.repeat(100)}</a></root>`;
    expect((await refusal(big, { maxRecordElements: 50 })).fields?.[0]?.code).toBe('maxRecordElements');
    await expect(readAll(flat, { maxElements: 201, maxRecordElements: 2 })).resolves.toHaveLength(100);
  });

  it('refuses a text, attribute value or comment longer than the text limit, while it grows', async () => {
    const limits = { maxTextLength: 1000 };
    expect((await refusal(`<root><a>${'x'.repeat(1001)}</a></root>`, limits)).fields?.[0]?.code).toBe(
      'maxTextLength',
    );
    const endlessAttribute = (function* () {
      yield '<root><a v="';
      for (let i = 0; i < 1000; i++) yield 'y'.repeat(10_000);
    })();
    expect((await refusal(endlessAttribute, limits)).fields?.[0]?.code).toBe('maxTextLength');
    expect((await refusal(`<root><!--${'z'.repeat(50_000)}--></root>`, limits)).fields?.[0]?.code).toBe(
      'maxTextLength',
    );
  });

  it('refuses an element with more attributes than allowed', async () => {
    const attributes = Array.from({ length: 11 }, (_, i) => `a${i}="1"`).join(' ');
    expect((await refusal(`<root><a ${attributes}/></root>`, { maxAttributes: 10 })).fields?.[0]?.code).toBe(
      'maxAttributes',
    );
  });

  it('refuses a DOCTYPE, so that no entity can expand', async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<root><a>&lol2;</a></root>`;
    const error = await refusal(laughs);
    expect(error).toMatchObject({ code: 'xml_not_accepted', status: 422 });
    expect(error.fields?.[0]?.code).toBe('doctype');
    expect(error.message).toMatch(/DOCTYPE declaration at line 2/);
  });

  it('refuses an undefined entity and a truncated file as malformed', async () => {
    expect((await refusal('<root><a>&nope;</a></root>')).fields?.[0]?.code).toBe('malformed');
    expect((await refusal('<root><a><b>')).fields?.[0]?.code).toBe('malformed');
  });
});
