import Ajv2020 from 'ajv/dist/2020';
import * as path from 'path';
import schema from '../../docs/sweep-output.schema.json';
import { cliOn } from './run-cli';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'raaderum-eksempel.xlsx');
const VARIANTS = path.join(__dirname, '..', 'fixtures', 'variants', 'koebenhavn-varianter.xlsx');
const validate = new Ajv2020({ allErrors: true }).compile(schema);

function valid<T>(json: unknown): T {
  if (!validate(json)) throw new Error(JSON.stringify(validate.errors, null, 2));
  return json as T;
}

describe('raaderum break-even --nr', () => {
  test('Faxe BIU_F_03: caseload 450/11 ≈ 40,909 in every year, printed exactly and as a fraction', async () => {
    // By hand: −1.200.000 + (450 / c − 8) × 400.000 = 0 ⇔ 450 / c = 11 ⇔ c = 450/11 = 40,909…
    const { code, stdout, stderr } = await cliOn(SAMPLE, 'break-even', '--nr', 'BIU_F_03');
    expect(code).toBe(0);
    expect(stdout).toContain('BIU_F_03 i Basis betaler sine medarbejdere hjem (netto ≤ 0) ved en caseload (nu 45) på:');
    expect(stdout).toContain('alle år: 40,909 (= 450/11) eller derover');
    // The row gives no Fuldtidspersoner: that question is refused, on standard error.
    expect(stderr).toContain('BIU_F_03 angiver ikke Fuldtidspersoner og Ydelse');
  });

  test('--json: valid against the schema, with the root as a fraction of integers', async () => {
    const { code, stdout } = await cliOn(SAMPLE, 'break-even', '--nr', 'BIU_F_03', '--json', '--scenario', 'Caseload 40');
    expect(code).toBe(0);
    const json = valid<{ scenario: string; caseload: { current: number; years: { year: number; root: unknown }[] } }>(
      JSON.parse(stdout),
    );
    expect(json.scenario).toBe('Caseload 40');
    expect(json.caseload.current).toBe(40);
    // The same root in each of the four years.
    const root = { kind: 'at', at: { value: 450 / 11, fraction: { numerator: 450, denominator: 11 } }, pays: 'above' };
    expect(json.caseload.years).toEqual([2027, 2028, 2029, 2030].map((year) => ({ year, root })));
  });

  test('--lang en, Hørsholm EBU 1: 209/3 ≈ 69,667 fuldtidspersoner off Kontanthjælp (114 × 550.000 / 900.000)', async () => {
    const { code, stdout } = await cliOn(SAMPLE, 'break-even', '--nr', 'EBU 1', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('at fuldtidspersoner off Kontanthjælp (the row says 114, the scenario 114)');
    expect(stdout).toContain('every year: 69.667 (= 209/3) or more');
  });

  test('a proposal neither caseload nor fuldtidspersoner moves: exit 1, naming its row; an unknown Nr: exit 2', async () => {
    const none = await cliOn(SAMPLE, 'break-even', '--nr', 'EBU 5');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/Hørsholm!A\d+: EBU 5 angiver ingen Sager/);
    const unknown = await cliOn(SAMPLE, 'break-even', '--nr', 'EBU 99', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no proposal has the Nr "EBU 99"');
  });
});

describe('raaderum break-even --fund-to-priority', () => {
  test('the sample’s Basis down to K-5: 21,3 mio. kr. asked less 6,2 mio. kr. of savings = 15.100.000 kr. in 2027', async () => {
    // By hand: K-1..K-5 ask 2,2 + 7,4 + 3,2 + 4,2 + 4,3 = 21,3 mio. kr. in 2027; the package's reductions save
    // 6,2 mio. kr. that year (netto of EBU 1–8: 350 + 370 + 1.300 + 500 + 85 + 66,667 + 133,333 + 1.200 + 495,
    // BIU_F_01–03: 1.000 + 300 + 400 (at caseload 45), in 1.000 kr.: 6.200), so the pool needed is 15,1 mio. kr.
    const { code, stdout } = await cliOn(SAMPLE, 'break-even', '--fund-to-priority', '5', '--json');
    expect(code).toBe(0);
    const json = valid<{ requests: string[]; pool: number[]; need: number[]; reductions: number[]; poolInUnit: number[] }>(
      JSON.parse(stdout),
    );
    expect(json.requests).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-5']);
    expect(json.need).toEqual([21_300_000, 0, 0, 0]);
    expect(json.reductions[0]).toBeCloseTo(-6_200_000, 6);
    expect(json.poolInUnit[0]).toBe(15_100_000);
    const text = await cliOn(SAMPLE, 'break-even', '--fund-to-priority', '5');
    expect(text.stdout).toContain('2027: 15100000 (nu 21000000)');
    expect(text.stdout).toContain('2028: intet ønske (enhver pulje rækker)');
  });

  test('København with variants (an openpyxl-made workbook): a priority scenario is answered; best fill is refused, naming its column', async () => {
    const ok = await cliOn(VARIANTS, 'break-even', '--fund-to-priority', '8', '--scenario', 'Prioritet 27', '--json');
    expect(ok.code).toBe(0);
    const json = valid<{ requests: string[]; need: number[] }>(JSON.parse(ok.stdout));
    // K-8 and its variant K-8 alt form a group: only the first in priority order is counted (and funded).
    expect(json.requests.filter((nr) => nr === 'K-8' || nr === 'K-8 alt')).toHaveLength(1);
    const best = await cliOn(VARIANTS, 'break-even', '--fund-to-priority', '8', '--scenario', 'Bedste 28,3', '--lang', 'en');
    expect(best.code).toBe(1);
    expect(best.stderr).toContain('Scenarier!E1: the scenario Bedste 28,3 allocates by Bedste udnyttelse');
  });

  test('wrong use: both questions, neither, a priority that is no number or that no request has', async () => {
    expect((await cliOn(SAMPLE, 'break-even', '--nr', 'X', '--fund-to-priority', '1')).code).toBe(2);
    expect((await cliOn(SAMPLE, 'break-even')).stderr).toContain('angiv enten --nr eller --fund-to-priority');
    expect((await cliOn(SAMPLE, 'break-even', '--fund-to-priority', 'fem')).stderr).toContain(
      '--fund-to-priority skal være et tal, ikke "fem"',
    );
    const none = await cliOn(SAMPLE, 'break-even', '--fund-to-priority', '99');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('ingen ønsker i scenariet Basis har Prioritet 99');
  });
});
