/**
 * Every action and record type the server writes to the audit log has words in every language:
 * the server's source is scanned (as server/modules/audit-log/audit-log-visibility.test.ts scans it
 * for the read rule), so a new action without words fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  actionWords,
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  fieldWords,
  humanise,
  recordTypeWords,
} from './vocabulary.js';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');

/** Actions built from a variable the scan cannot follow: the values the variable takes. */
const TEMPLATED: Record<string, readonly string[]> = {
  'report.${action}': ['report.submit', 'report.approve', 'report.return'],
};

function serverSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // server/test/ is the harness: it appends made-up entries to test databases.
      if (entry.isDirectory()) {
        if (full !== path.join(ROOT, 'server/test')) walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'server'));
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

/** The actions and record types the server's source writes to the log. */
function auditedInSource(): { actions: Set<string>; types: Set<string> } {
  const sources = serverSources();
  const constants = new Map<string, string>();
  for (const source of sources)
    for (const m of source.matchAll(/export const ([A-Z_]+) = '([a-z_]+)'/g))
      constants.set(m[1]!, m[2]!);
  const resolve = (name: string) => {
    const value = constants.get(name);
    if (!value) throw new Error(`cannot resolve the audited constant ${name}`);
    return value;
  };
  const types = new Set<string>();
  // Soft-deletable records are audited as `<entity>.delete` and `<entity>.restore`.
  const softDeleted = new Set<string>();
  for (const source of sources) {
    for (const m of source.matchAll(/\bentity(Type)?: '([a-z_]+)'/g)) {
      types.add(m[2]!);
      if (!m[1]) softDeleted.add(m[2]!);
    }
    for (const m of source.matchAll(/\bentity(Type)?: ([A-Z_]+)\b/g)) {
      types.add(resolve(m[2]!));
      if (!m[1]) softDeleted.add(resolve(m[2]!));
    }
  }
  const actions = new Set<string>();
  for (const source of sources) {
    // An entry's action: a string, a template or a choice (`moving ? 'a' : 'b'`); parameters
    // typed `action: Action` are not entries.
    for (const m of source.matchAll(/\baction:\s*((?:'|`|\w+\s*\?)[\s\S]{0,400})/g)) {
      // The action's expression runs until the entry's next field.
      const expression = m[1]!.split(/\n\s*(?:entityType|entityId|before|after)\b|\n\s*\}/)[0]!;
      for (const q of expression.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(q[1]!);
      for (const q of expression.matchAll(/`([^`]*)`/g)) {
        const template = q[1]!;
        const constant = /^\$\{([A-Z_]+)\}\.([a-z_]+)$/.exec(template);
        if (constant) actions.add(`${resolve(constant[1]!)}.${constant[2]}`);
        else if (/^\$\{o\.entity\}\.([a-z_]+)$/.test(template)) {
          const verb = template.split('.').at(-1)!;
          for (const entity of softDeleted) actions.add(`${entity}.${verb}`);
        } else if (TEMPLATED[template]) for (const a of TEMPLATED[template]) actions.add(a);
        else throw new Error(`list the actions of the template \`${template}\` in TEMPLATED`);
      }
    }
  }
  return { actions, types };
}

type Words = {
  actions: Record<string, Record<string, string>>;
  actionGroups: Record<string, string>;
  recordTypes: Record<string, string>;
  fields: Record<string, string>;
};

const locale = (language: string) =>
  JSON.parse(
    fs.readFileSync(path.join(ROOT, `web/src/locales/${language}/auditLog.json`), 'utf8'),
  ) as Words;

describe('the audit log’s words', () => {
  const inSource = auditedInSource();

  it('name every action the server writes, and no action it does not', () => {
    expect(inSource.actions.size).toBeGreaterThan(40);
    expect(inSource.actions).toContain('plan_item.delete');
    expect(inSource.actions).toContain('report.approve');
    expect([...inSource.actions].filter((a) => !AUDIT_ACTIONS.includes(a))).toEqual([]);
    expect(AUDIT_ACTIONS.filter((a) => !inSource.actions.has(a))).toEqual([]);
  });

  it('name every record type the server audits', () => {
    expect([...inSource.types].filter((type) => !AUDIT_RECORD_TYPES.includes(type))).toEqual([]);
  });

  it.each(['en', 'sr-Latn', 'sr-Cyrl'])(
    'exist in %s for every action, group and record type',
    (language) => {
      const words = locale(language);
      const english = locale('en');
      const missing = [
        ...AUDIT_ACTIONS.filter((a) => {
          const [group, verb] = a.split('.') as [string, string];
          return !words.actions[group]?.[verb]?.trim();
        }),
        ...Object.keys(english.actions).filter((group) => !words.actionGroups[group]?.trim()),
        ...AUDIT_RECORD_TYPES.filter((type) => !words.recordTypes[type]?.trim()),
        ...Object.keys(english.fields).filter((field) => !words.fields[field]?.trim()),
      ];
      expect(missing).toEqual([]);
    },
  );

  it('fall back to the written action, and to a readable field name, when there are none', () => {
    const t = ((key: string, options?: { defaultValue?: string }) =>
      key === 'auditLog.actions.plan_item.update'
        ? 'Item changed'
        : options?.defaultValue) as unknown as TFunction;
    expect(actionWords(t, 'plan_item.update')).toBe('Item changed');
    expect(actionWords(t, 'mystery.create')).toBe('mystery.create');
    expect(fieldWords(t, 'leadOrganisationId')).toBe('Lead organisation id');
    expect(recordTypeWords(t, 'plan_item')).toBe('Plan item');
    expect(humanise('due_on')).toBe('Due on');
  });
});
