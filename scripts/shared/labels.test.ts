import { describe, expect, it } from 'vitest';
import { readSchemas } from '../records/schema-validator.js';
import { CLAUSE_STATUS_LABEL, CLOCK_STATUS_LABEL, SEVERITIES, VOCABULARIES, label, type Vocabulary } from './labels.js';

interface EnumSite {
  file: string;
  pointer: string;
  values: unknown[];
}

/** Every `enum` of every schema, with its JSON pointer. */
function schemaEnums(): EnumSite[] {
  const out: EnumSite[] = [];
  const walk = (node: unknown, file: string, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, file, `${pointer}/${i}`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'enum' && Array.isArray(v)) out.push({ file, pointer, values: v });
      else walk(v, file, `${pointer}/${k}`);
    }
  };
  for (const [file, schema] of readSchemas()) walk(schema, file, '');
  return out;
}

/**
 * Which vocabulary labels an enum: `file property`, where property is the
 * last name in the pointer that is not `items` (the four severities of the
 * contract share `channels` and `notify`). A new enum property fails the
 * test until it is mapped here and labelled in shared/labels.ts.
 */
const VOCABULARY_OF: Record<string, keyof typeof VOCABULARIES> = {
  'common.schema.json system': 'system',
  'common.schema.json severity': 'severity',
  'inspection.schema.json rating': 'assessmentRating',
  'ticket.schema.json category': 'category',
  'ticket.schema.json channel': 'channel',
  'ticket.schema.json reporter_role': 'reporterRole',
  'ticket.schema.json to': 'notify',
  'ticket.schema.json outcome': 'outcome',
  'contract.schema.json channels': 'channel',
  'contract.schema.json notify': 'notify',
  'contract.schema.json onsite_clock': 'onsiteClock',
  'change.schema.json kind': 'changeKind',
  'change.schema.json source': 'changeSource',
  'change.schema.json status': 'changeStatus',
  'db-operation.schema.json type': 'dbOperation',
  'db-operation.schema.json outcome': 'dbOutcome',
  'disposal.schema.json method': 'disposalMethod',
  'inspection.schema.json type': 'inspectionType',
  'inspection.schema.json result': 'checkResult',
  'inspection.schema.json status': 'hazardStatus',
  'interface.schema.json peer': 'interfacePeer',
  'interface.schema.json direction': 'direction',
  'interface.schema.json status': 'interfaceStatus',
  'person.schema.json organisation': 'organisation',
  'recommendation.schema.json status': 'recommendationStatus',
  'release.schema.json type': 'contentType',
  'training.schema.json audiences': 'audience',
  'delivery.schema.json kind': 'reportKind',
  'delivery.schema.json format': 'deliveryFormat',
};

function siteKey(e: EnumSite): string {
  const names = e.pointer.split('/').filter((s) => s && s !== 'items' && s !== 'properties');
  return `${e.file} ${names[names.length - 1] ?? ''}`;
}

describe('shared/labels', () => {
  const enums = schemaEnums();

  it('finds the schemas’ enums (the walk is not empty)', () => {
    expect(enums.length).toBeGreaterThan(20);
    expect(enums.map(siteKey)).toContain('ticket.schema.json category');
  });

  it('maps every schema enum to a vocabulary', () => {
    const unmapped = [...new Set(enums.map(siteKey).filter((k) => !(k in VOCABULARY_OF)))];
    expect(unmapped, 'add these enums to VOCABULARY_OF and give their codes labels in shared/labels.ts').toEqual([]);
  });

  it('labels every enum value of every schema in Chinese', () => {
    const missing: string[] = [];
    for (const e of enums) {
      const name = VOCABULARY_OF[siteKey(e)];
      if (!name) continue;
      const vocab: Vocabulary = VOCABULARIES[name];
      for (const v of e.values) {
        const text = Object.hasOwn(vocab, String(v)) ? vocab[String(v)]! : '';
        if (!/[\u4e00-\u9fff]/.test(text)) missing.push(`${e.file}#${e.pointer}: ${JSON.stringify(v)} (${name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('labels no code the schemas do not know (no stale labels)', () => {
    const stale: string[] = [];
    for (const name of new Set(Object.values(VOCABULARY_OF))) {
      const keys = Object.entries(VOCABULARY_OF).filter(([, n]) => n === name).map(([k]) => k);
      const values = new Set(enums.filter((e) => keys.includes(siteKey(e))).flatMap((e) => e.values.map(String)));
      for (const code of Object.keys(VOCABULARIES[name])) if (!values.has(code)) stale.push(`${name}: ${code}`);
    }
    expect(stale).toEqual([]);
  });

  it('keeps one label per code within a vocabulary (no two codes read the same)', () => {
    for (const [name, vocab] of Object.entries(VOCABULARIES)) {
      const seen = Object.values(vocab);
      expect(new Set(seen).size, name).toBe(seen.length);
    }
  });

  it('labels the computed statuses', () => {
    expect(Object.keys(CLOCK_STATUS_LABEL).sort()).toEqual(['breached', 'met', 'n/a', 'pending']);
    expect(Object.keys(CLAUSE_STATUS_LABEL).sort()).toEqual(['at-risk', 'breached', 'manual', 'met', 'n/a', 'pending']);
    expect(label(CLAUSE_STATUS_LABEL, 'breached')).toBe('违约');
    expect(label(CLOCK_STATUS_LABEL, 'breached')).toBe('超时');
  });

  it('uses the contract’s words for levels, channels and audiences', () => {
    expect(SEVERITIES).toEqual(['1', 'A', 'B', 'C']);
    expect(SEVERITIES.map((s) => label(VOCABULARIES.severity, s)).join('/')).toBe('1级/A级/B级/C级');
    expect(Object.values(VOCABULARIES.channel).join('、')).toBe('电话、网络、邮件');
    expect(Object.values(VOCABULARIES.audience).join('、')).toBe('医生、护士、技术工程师、业务科室的关键用户');
  });

  it('shows an unknown code as itself and an absent one as —', () => {
    expect(label(VOCABULARIES.category, 'hardware')).toBe('hardware');
    expect(label(VOCABULARIES.category, undefined)).toBe('—');
    expect(label(VOCABULARIES.category, 'toString')).toBe('toString');
    expect(label(VOCABULARIES.outcome, undefined, '处理中')).toBe('处理中');
  });
});
