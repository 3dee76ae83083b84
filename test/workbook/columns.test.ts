import { readFileSync } from 'fs';
import path from 'path';
import type { Proposal } from '../../src/model/types';
import {
  AMOUNT_FIELDS,
  bandLabel,
  BANDS,
  benefitLabel,
  choiceWord,
  contractTables,
  entry,
  header,
  headerKeys,
  KIND_CHOICES,
  MODE_CHOICES,
  OUTPUT_KEYS,
  PROPOSAL_KEYS,
  readChoice,
  SCENARIO_KEYS,
  STATUS_CHOICES,
  yearHeader,
  yearHeaders,
  type ColumnKey,
} from '../../src/workbook/columns';
import { formatIssue } from '../../src/workbook/messages';
import { readBook } from '../../src/workbook/read';
import { parseParameter } from '../../src/workbook/scenario-sheet';
import { templateSheets } from '../../src/workbook/template';
import { matchKey } from '../../src/workbook/text';
import { scenarioSheet, sheet, YEARS } from '../helpers/sheets';

describe('the table of columns is a glossary', () => {
  const ALL_KEYS: ColumnKey[] = [...PROPOSAL_KEYS, ...SCENARIO_KEYS, ...OUTPUT_KEYS];

  test('every column and parameter has a Danish header and a Danish and an English help text', () => {
    for (const key of ALL_KEYS) {
      const e = entry(key);
      expect([key, e.header.trim()]).not.toEqual([key, '']);
      expect([key, e.help.da.length > 0, e.help.en.length > 0]).toEqual([key, true, true]);
      // A bar would split the README's table cell.
      expect([key, JSON.stringify(e).includes('|')]).toEqual([key, false]);
    }
  });

  test('code names are unique across lists, parameters and output columns', () => {
    expect(new Set(ALL_KEYS).size).toBe(ALL_KEYS.length);
  });

  test('no two proposal columns, and no two parameters of the same form, are read from the same header', () => {
    const proposalKeys = PROPOSAL_KEYS.flatMap((k) => headerKeys(entry(k)));
    expect(new Set(proposalKeys).size).toBe(proposalKeys.length);
    const parameterKeys = SCENARIO_KEYS.flatMap((k) => headerKeys(entry(k)).map((h) => `${h} per ${entry(k).per}`));
    expect(new Set(parameterKeys).size).toBe(parameterKeys.length);
  });

  test('a choice word means one value', () => {
    for (const choices of [KIND_CHOICES, MODE_CHOICES, STATUS_CHOICES]) {
      const words = choices.flatMap((c) => c.words.map(matchKey));
      expect(new Set(words).size).toBe(words.length);
    }
  });

  test('the amount columns are the per-year columns of a list', () => {
    expect(AMOUNT_FIELDS).toEqual(['udgift', 'service', 'ejService', 'indtaegt', 'investering']);
  });
});

describe('the output writer takes its headers from the table', () => {
  test('a header, a per-year header, one with a qualifier between', () => {
    expect(header('nr')).toBe('Nr');
    expect(header('service')).toBe('Udgift service');
    expect(yearHeader('indtaegt', 2027)).toBe('Indtægt 2027');
    expect(yearHeaders('netto', [2026, 2027])).toEqual(['Netto 2026', 'Netto 2027']);
    expect(yearHeader('netto', 2027, 'Basis')).toBe('Netto Basis 2027');
    expect(yearHeaders('nettoPerPerson', [2026])).toEqual(['Netto pr. fuldtidsperson (kr.) 2026']);
    expect(yearHeaders('shareOfPool', [2026])).toEqual(['Andel af råderum 2026']);
  });

  test('the words the product writes for a mode and a status', () => {
    expect(MODE_CHOICES.map((c) => choiceWord(MODE_CHOICES, c.value))).toEqual([
      'Prioritet',
      'Prioritet, delvis',
      'Bedste udnyttelse',
      'Forholdsmæssig',
    ]);
    expect(choiceWord(STATUS_CHOICES, 'partial')).toBe('Delvist bevilget');
  });

  test('a choice is read like a header; a word every JavaScript object has is none', () => {
    expect(readChoice(KIND_CHOICES, ' DRIFTSØNSKE. ')).toBe('Udvidelse');
    expect(readChoice(KIND_CHOICES, 'driftsoenske')).toBe('Udvidelse');
    expect(readChoice(MODE_CHOICES, 'prioritet delvis')).toBe('priority-partial');
    expect(readChoice(MODE_CHOICES, 'constructor')).toBeUndefined();
  });
});

describe('the reader reads what the table names', () => {
  test('every proposal column of the table, under its header, lands in its field', () => {
    const values: Record<string, unknown> = {
      nr: 'A-1',
      title: 'Alle kolonner',
      committee: 'Udvalg A',
      kind: 'Besparelse',
      benefit: 'Kontanthjælp',
      priority: 3,
      service: -60,
      ejService: -40,
      udgift: -100,
      indtaegt: 7,
      investering: 11,
      refusionShare: '50 %',
      refusionRate: 0.3,
      fullTimePersons: 12,
      cases: 90,
      currentStaff: 2,
      staffPrice: 1000,
    };
    const headers = PROPOSAL_KEYS.flatMap((k) => (entry(k).per === 'year' ? yearHeaders(k, YEARS) : [header(k)]));
    const row = PROPOSAL_KEYS.flatMap((k) => (entry(k).per === 'year' ? YEARS.map(() => values[k]) : [values[k]]));
    const read = readBook([
      sheet('Forslag', [headers, row] as never),
      scenarioSheet([
        [yearHeader('pool', 2025), 0],
        [header('caseload'), 45],
      ]),
    ]);
    expect(read.issues.map((i) => formatIssue(i))).toEqual([]);
    const p = read.book?.proposals[0] as Proposal;
    expect(p).toMatchObject({
      nr: 'A-1',
      title: 'Alle kolonner',
      committee: 'Udvalg A',
      statedKind: 'Reduktion',
      benefit: 'kontanthjaelp',
      priority: 3,
      udgift: [-100, -100, -100, -100],
      split: { service: [-60, -60, -60, -60], ejService: [-40, -40, -40, -40] },
      indtaegt: [7, 7, 7, 7],
      investering: [11, 11, 11, 11],
      refusionShare: 0.5,
      refusionRate: 0.3,
      fullTimePersons: 12,
      staffing: { cases: 90, currentStaff: 2, staffPrice: 1000 },
    });
  });

  test('every parameter of the table, under its label, is read as itself', () => {
    const labels: [string, unknown][] = [
      [header('unit'), { key: 'unit' }],
      [yearHeader('pool', 2027), { key: 'pool', year: 2027 }],
      [header('caseload'), { key: 'caseload' }],
      [benefitLabel('caseloadByBenefit', 'Kontanthjælp'), { key: 'caseloadByBenefit', benefit: 'kontanthjaelp' }],
      [benefitLabel('refusionByBenefit', 'Kontanthjælp'), { key: 'refusionByBenefit', benefit: 'kontanthjaelp' }],
      ...BANDS.map((band, b): [string, unknown] => [
        bandLabel(band, 'Sygedagpenge'),
        { key: 'durationShares', band: b, benefit: 'sygedagpenge' },
      ]),
      [benefitLabel('fullTimePersonsByBenefit', 'A-dagpenge'), { key: 'fullTimePersonsByBenefit', benefit: 'a-dagpenge' }],
      [header('mode'), { key: 'mode' }],
      [header('excluded'), { key: 'excluded' }],
      [header('language'), { key: 'language' }],
    ];
    expect(labels.map(([label]) => parseParameter(label))).toEqual(labels.map(([, parsed]) => parsed));
    // The covered keys are all of them: a new parameter needs a line here.
    expect(new Set(labels.map(([, p]) => (p as { key: string }).key))).toEqual(new Set(SCENARIO_KEYS));
  });

  test('a band may be typed with spaces; an unknown band, or a word without its benefit, is no parameter', () => {
    expect(parseParameter('Varighed uge 1 - 4 Sygedagpenge')).toEqual({
      key: 'durationShares',
      band: 0,
      benefit: 'sygedagpenge',
    });
    expect(parseParameter('varighed uge 53 + sygedagpenge')).toEqual({ key: 'durationShares', band: 3, benefit: 'sygedagpenge' });
    expect(parseParameter('Varighed uge 1-5 Sygedagpenge')).toBeUndefined();
    expect(parseParameter('Refusion')).toBeUndefined();
    expect(parseParameter('Råderum')).toBeUndefined();
    expect(parseParameter('Råderum næste år')).toBeUndefined();
  });

  test("the template's headers are the table's, in its order, and the template reads without a word", () => {
    const [proposals, scenarios] = templateSheets(2027);
    const years = [2027, 2028, 2029, 2030];
    expect(proposals.values[0]).toEqual(
      PROPOSAL_KEYS.filter((k) => !entry(k).notInTemplate).flatMap((k) =>
        entry(k).per === 'year' ? yearHeaders(k, years) : [header(k)],
      ),
    );
    expect(scenarios.values.slice(1).map((r) => parseParameter(String(r[0]))?.key)).toEqual([
      'unit',
      'pool',
      'pool',
      'pool',
      'pool',
      'mode',
      'caseload',
      'refusionByBenefit',
      'durationShares',
      'durationShares',
      'durationShares',
      'durationShares',
      'fullTimePersonsByBenefit',
      'excluded',
    ]);
    const grid = (s: typeof proposals) => sheet(s.name, s.values, s.name);
    expect(readBook([grid(proposals), grid(scenarios)]).issues).toEqual([]);
  });
});

/** The text between `<!-- contract:NAME -->` and `<!-- /contract:NAME -->` in README.md, trimmed. */
function readmeSection(readme: string, name: string): string | undefined {
  const m = readme.match(new RegExp(`<!-- contract:${name} -->\\n([\\s\\S]*?)\\n<!-- /contract:${name} -->`));
  return m?.[1].trim();
}

test("README.md's contract tables are the ones the table of columns makes", () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const tables = contractTables();
  expect({
    proposalColumns: readmeSection(readme, 'proposal-columns'),
    scenarioParameters: readmeSection(readme, 'scenario-parameters'),
    outputColumns: readmeSection(readme, 'output-columns'),
  }).toEqual(tables);
});
