/**
 * A small streaming XML reader for the parts of an XLSX workbook: elements, attributes and text,
 * fed chunk by chunk, never holding more than one unfinished tag or run of text. It reads what
 * spreadsheet XML uses and refuses what it never needs: a DOCTYPE (and with it any entity
 * expansion) stops the reading. Names lose their namespace prefix (`x:row` → `row`).
 */
import { ImportFileError } from '../../../core/plans/import-table.js';

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const ATTRIBUTE = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseTag(body: string, handler: XmlHandler): void {
  if (body[0] === '/') {
    handler.close(localName(body.slice(1).trim()));
    return;
  }
  const selfClosing = body.endsWith('/');
  const inner = selfClosing ? body.slice(0, -1) : body;
  const space = inner.search(/\s/);
  const name = localName(space < 0 ? inner : inner.slice(0, space));
  const attrs: Record<string, string> = {};
  if (space >= 0) {
    for (const m of inner.slice(space).matchAll(ATTRIBUTE)) {
      // Namespace declarations are not attributes (and `xmlns:r` must not pass for `r`).
      if (m[1] === 'xmlns' || m[1]!.startsWith('xmlns:')) continue;
      attrs[localName(m[1]!)] = decodeEntities(m[3] ?? m[4] ?? '');
    }
  }
  handler.open(name, attrs, selfClosing);
  if (selfClosing) handler.close(name);
}

/** Streaming reader; `maxMarkup` bounds one tag (or comment) held while waiting for its end. */
export class XmlStream {
  #buffer = '';
  readonly #handler: XmlHandler;
  readonly #maxMarkup: number;

  constructor(handler: XmlHandler, maxMarkup = 1024 * 1024) {
    this.#handler = handler;
    this.#maxMarkup = maxMarkup;
  }

  write(chunk: string): void {
    this.#buffer += chunk;
    this.#drain(false);
  }

  end(): void {
    this.#drain(true);
    if (this.#buffer.trim() !== '') throw broken();
  }

  #drain(final: boolean): void {
    const b = this.#buffer;
    let at = 0;
    const h = this.#handler;
    while (at < b.length) {
      if (b.charCodeAt(at) !== 60 /* < */) {
        const lt = b.indexOf('<', at);
        let stop = lt < 0 ? b.length : lt;
        if (lt < 0 && !final) {
          // Keep an entity that may be cut in two (`&am` + `p;`) for the next chunk.
          const amp = b.lastIndexOf('&', stop);
          if (amp >= at && b.indexOf(';', amp) < 0) stop = amp;
        }
        if (stop > at) h.text(decodeEntities(b.slice(at, stop)));
        at = stop;
        if (lt < 0) break;
        continue;
      }
      let end: number;
      if (b.startsWith('<!--', at)) {
        end = b.indexOf('-->', at + 4);
        if (end < 0) break;
        at = end + 3;
        continue;
      }
      if (b.startsWith('<![CDATA[', at)) {
        end = b.indexOf(']]>', at + 9);
        if (end < 0) break;
        h.text(b.slice(at + 9, end));
        at = end + 3;
        continue;
      }
      if (b.startsWith('<!', at)) {
        if (b.length - at < 9 && !final) break;
        throw new ImportFileError(
          'The workbook declares its own XML entities, which a spreadsheet never needs; it is not read. Save it again from Excel or LibreOffice.',
        );
      }
      if (b.startsWith('<?', at)) {
        end = b.indexOf('?>', at + 2);
        if (end < 0) break;
        at = end + 2;
        continue;
      }
      end = tagEnd(b, at + 1);
      if (end < 0) break;
      parseTag(b.slice(at + 1, end), h);
      at = end + 1;
    }
    this.#buffer = b.slice(at);
    if (this.#buffer.length > this.#maxMarkup) throw broken();
  }
}

/** Index of the `>` closing a tag that starts before `from`, skipping quoted attribute values. */
function tagEnd(b: string, from: number): number {
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

const broken = () =>
  new ImportFileError(
    'The XLSX file could not be opened (its XML is damaged). Save it again from Excel or LibreOffice, or upload it as CSV UTF-8.',
  );
