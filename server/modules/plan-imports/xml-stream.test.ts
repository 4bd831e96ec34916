/** The streaming XML reader gives the same events however the text is cut into chunks. */
import { describe, expect, it } from 'vitest';
import { XmlStream } from './xml-stream.js';

function events(chunks: string[]) {
  const out: string[] = [];
  const xml = new XmlStream({
    open: (name, attrs, selfClosing) =>
      out.push(`<${name} ${JSON.stringify(attrs)}${selfClosing ? '/' : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (text) => {
      // Adjacent text events are one run of text.
      if (out.length && out[out.length - 1]!.startsWith('"')) {
        out[out.length - 1] = JSON.stringify(JSON.parse(out[out.length - 1]!) + text);
      } else out.push(JSON.stringify(text));
    },
  });
  for (const chunk of chunks) xml.write(chunk);
  xml.end();
  return out;
}

const DOC =
  '<?xml version="1.0"?><x:root xmlns:x="urn:x" xmlns="urn:y" a="1 &gt; 0" b=\'it&apos;s\'><!-- a > comment -->' +
  '<row r="2"><c t="s"><v>Tom &amp; Jerry &#x107;&#263; &lt;b&gt;</v></c><empty/>' +
  '<t><![CDATA[<raw & text>]]></t></row></x:root>';

describe('XmlStream', () => {
  it('reads elements, attributes, entities, comments and CDATA', () => {
    expect(events([DOC])).toEqual([
      '<root {"a":"1 > 0","b":"it\'s"}>',
      '<row {"r":"2"}>',
      '<c {"t":"s"}>',
      '<v {}>',
      '"Tom & Jerry ćć <b>"',
      '</v>',
      '</c>',
      '<empty {}/>',
      '</empty>',
      '<t {}>',
      '"<raw & text>"',
      '</t>',
      '</row>',
      '</root>',
    ]);
  });

  it('gives the same events for any cut into chunks', () => {
    const whole = events([DOC]);
    expect(events([...DOC])).toEqual(whole);
    for (let size = 2; size < 12; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < DOC.length; i += size) chunks.push(DOC.slice(i, i + size));
      expect(events(chunks)).toEqual(whole);
    }
  });

  it('refuses a DOCTYPE and an unfinished document', () => {
    expect(() => events(['<!DOCTYPE x [<!ENTITY a "b">]><x/>'])).toThrow(/XML entities/);
    expect(() => events(['<x><y a="1"'])).toThrow(/could not be opened/);
  });
});
