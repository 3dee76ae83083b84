/**
 * @jest-environment jsdom
 */
/** The explanation of one proposal's netto, as a finance officer reads it in the pane (props built by hand). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import type { CellPlace } from '../../src/model/types';
import { Explanation } from '../../src/taskpane/components/Explanation';
import { sampleSheets } from '../../src/sample/seed-workbook';
import { explainProposal, type ProposalExplanation, type ScenarioExplanation } from '../../src/workbook/explanation';

const four = (n: number): number[] => [n, n, n, n];
const YEARS = [2027, 2028, 2029, 2030];

/** Faxe's fastholdelse (domain.md): 450 sager, 8 årsværk today at 400.000 kr.; caseload 45 in the base, 40 in the second. */
function fastholdelse(caseload: number, scenario: string, investering: number): ScenarioExplanation {
  const staff = 450 / caseload;
  return {
    scenario,
    included: true,
    steps: [
      { rule: 'udgift', text: 'Udgift som angivet (sygedagpenge)', amounts: four(-1_200_000) },
      {
        rule: 'caseload',
        text: `Caseload ${caseload}: 450 sager / ${caseload} = ${String(staff).replace('.', ',')} årsværk, 8 i dag, × 400.000 kr.`,
        amounts: four(investering),
      },
      { rule: 'netto', text: 'Netto = Udgift + Investering' },
    ],
    netto: four(-1_200_000 + investering),
    // The words the workbook layer writes (workbook/explanation.ts).
    status: `Reduktion: netto ${(investering - 1_200_000).toLocaleString('da-DK', { signDisplay: 'exceptZero' })} om året lægges til det råderum, der er til rådighed`,
  };
}

const FAXE: ProposalExplanation = {
  nr: 'BIU_F_03',
  title: 'To fastholdelseskonsulenter til sygedagpengesager',
  place: { sheet: 'Faxe', row: 6, column: 0 },
  years: YEARS,
  unit: 'kr.',
  scenarios: [
    fastholdelse(45, 'Basis', 800_000),
    fastholdelse(40, 'Caseload 40', 1_300_000),
    {
      ...fastholdelse(45, 'Uden BIU', 800_000),
      included: false,
      status: 'Udeladt i scenariet: indgår ikke i summerne eller i råderummet',
    },
  ],
};

/** Hørsholm EBU 5 (domain.md): Investering 25.000 in the first year only, so the years differ. */
const EBU5: ProposalExplanation = {
  nr: 'EBU 5',
  title: 'Hurtigere afklaring',
  place: { sheet: 'Hørsholm forslag', row: 9, column: 1 },
  years: YEARS,
  unit: 'kr.',
  scenarios: [
    {
      scenario: 'Basis',
      included: true,
      steps: [
        { rule: 'udgift', text: 'Udgift som angivet', amounts: four(-110_000) },
        { rule: 'investering', text: 'Investering som angivet', amounts: [25_000, 0, 0, 0] },
      ],
      netto: [-85_000, -110_000, -110_000, -110_000],
      status: 'Reduktion',
    },
  ],
};

function show(explanation: ProposalExplanation, language: 'da' | 'en' = 'da', onShow?: (place: CellPlace) => void) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Explanation explanation={explanation} language={language} onShowInWorkbook={onShow} />
    </FluentProvider>,
  );
}

/** A table's rows as the text of their cells (header cells included). */
function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

test('Faxe’s fastholdelse reads +800.000 at caseload 45 (Basis) and +1.300.000 at caseload 40, step by step, with the unit', () => {
  show(FAXE);
  expect(
    screen.getByRole('heading', { level: 2, name: 'BIU_F_03 To fastholdelseskonsulenter til sygedagpengesager' }),
  ).toBeTruthy();
  expect(screen.getByText(/Beløb i kr\.; minus er en besparelse/)).toBeTruthy();
  expect(screen.getByText('Faxe!A7')).toBeTruthy();
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Basis', 'Caseload 40', 'Uden BIU']);

  expect(rows(screen.getByRole('table', { name: 'Basis' }))).toEqual([
    ['Trin', '2027 (kr.)'],
    ['Udgift som angivet (sygedagpenge)', '-1.200.000'],
    ['Caseload 45: 450 sager / 45 = 10 årsværk, 8 i dag, × 400.000 kr.', '+800.000'],
    ['Netto = Udgift + Investering', '-400.000'],
  ]);
  expect(rows(screen.getByRole('table', { name: 'Caseload 40' }))).toEqual([
    ['Trin', '2027 (kr.)'],
    ['Udgift som angivet (sygedagpenge)', '-1.200.000'],
    ['Caseload 40: 450 sager / 40 = 11,25 årsværk, 8 i dag, × 400.000 kr.', '+1.300.000'],
    ['Netto = Udgift + Investering', '+100.000'],
  ]);
  expect(screen.getAllByText('Reduktion: netto -400.000 om året lægges til det råderum, der er til rådighed')).toHaveLength(1);
  expect(screen.getByText('Reduktion: netto +100.000 om året', { exact: false })).toBeTruthy();
});

test('with the workbook layer’s own explanation of the sample (explainProposal): +800.000 in Basis, +1.300.000 at caseload 40', () => {
  const sheets = sampleSheets().map((o) => ({ name: o.name, origin: { row: 0, column: 0 }, values: o.values, tables: o.tables }));
  const explained = explainProposal(sheets, { nr: 'BIU_F_03' });
  if (!explained) throw new Error('the sample explains BIU_F_03');
  show(explained);
  const staffing = (scenario: string) =>
    rows(screen.getByRole('table', { name: scenario })).find((r) => r[0].startsWith('Bemanding ved caseload'));
  expect(staffing('Basis')?.[1]).toBe('+800.000');
  expect(staffing('Caseload 40')?.[1]).toBe('+1.300.000');
  expect(rows(screen.getByRole('table', { name: 'Netto 2027 i alle scenarier' })).slice(1, 3)).toEqual([
    ['Basis', '-400.000'],
    ['Caseload 40', '+100.000'],
  ]);
});

test('the scenarios at a glance: the netto in each, a scenario that leaves the proposal out marked', () => {
  show(FAXE);
  expect(rows(screen.getByRole('table', { name: 'Netto 2027 i alle scenarier' }))).toEqual([
    ['Scenarie', '2027 (kr.)'],
    ['Basis', '-400.000'],
    ['Caseload 40', '+100.000'],
    ['Uden BIU (udeladt)', '-400.000'],
  ]);
});

test('a base whose name does not say so is marked as the base', () => {
  show({ ...FAXE, scenarios: [{ ...FAXE.scenarios[0], scenario: 'Vedtaget budget' }, FAXE.scenarios[1]] });
  expect(rows(screen.getByRole('table', { name: 'Netto 2027 i alle scenarier' }))).toEqual([
    ['Scenarie', '2027 (kr.)'],
    ['Vedtaget budget (basis)', '-400.000'],
    ['Caseload 40', '+100.000'],
  ]);
});

test('a request shows what the råderum gives it in each scenario, and its status in words', () => {
  const request = (scenario: string, funded: number, status: string): ScenarioExplanation => ({
    scenario,
    included: true,
    steps: [
      { rule: 'udgift', text: 'Udgift som angivet i rækken', amounts: four(2_500_000) },
      { rule: 'netto', text: 'Netto = Udgift + Indtægt + Investering' },
    ],
    netto: four(2_500_000),
    status,
    funded: four(funded),
  });
  show({
    nr: 'K-8',
    title: 'Flere hænder i jobcentret',
    place: { sheet: 'København', row: 9, column: 0 },
    years: YEARS,
    unit: 'kr.',
    scenarios: [
      request('Basis', 2_500_000, 'Bevilget fuldt af råderummet: +2.500.000 om året'),
      request('Flere fuldtidspersoner', 0, 'Ikke bevilget: der er ikke plads til ønsket +2.500.000 om året i råderummet'),
    ],
  });
  expect(rows(screen.getByRole('table', { name: 'Netto 2027 i alle scenarier' }))).toEqual([
    ['Scenarie', '2027 (kr.)', 'Bevilget 2027 (kr.)'],
    ['Basis', '+2.500.000', '2.500.000'],
    ['Flere fuldtidspersoner', '+2.500.000', '0'],
  ]);
  const block = screen.getByRole('heading', { level: 3, name: 'Flere fuldtidspersoner' }).parentElement as HTMLElement;
  expect(block.querySelector('p:last-child')?.textContent).toBe(
    'Råderum: Ikke bevilget: der er ikke plads til ønsket +2.500.000 om året i råderummet',
  );
});

test('a scenario that leaves the proposal out says so, once', () => {
  show(FAXE);
  const blocks = screen.getAllByRole('heading', { level: 3 }).map((h) => h.parentElement as HTMLElement);
  // The workbook layer's status says it: the pane's own note is not repeated, nor the label Råderum.
  expect(
    within(blocks[2])
      .getAllByText(/^Udeladt/)
      .map((e) => e.textContent),
  ).toEqual(['Udeladt i scenariet: indgår ikke i summerne eller i råderummet']);
  expect(within(blocks[0]).queryByText(/Udeladt/)).toBeNull();
  // Without a status of its own, the pane's note says it.
  const { container } = show({ ...FAXE, scenarios: [{ ...FAXE.scenarios[2], status: '' }] });
  expect(within(container).getByText('Udeladt i dette scenarie (Udelad): forslaget tæller med 0.')).toBeTruthy();
});

test('a proposal without a known row shows no address and no button', () => {
  show({ ...FAXE, place: { sheet: '', row: 0, column: 0 } }, 'da', () => undefined);
  expect(screen.queryByRole('button')).toBeNull();
  expect(screen.queryByText(/!A1/)).toBeNull();
});

test('a step without amounts of its own shows its words and no figure', () => {
  const explanation: ProposalExplanation = {
    ...EBU5,
    scenarios: [
      {
        ...EBU5.scenarios[0],
        steps: [{ rule: 'udgift', text: 'Ingen fuldtidspersoner i scenariet: Udgift uskaleret' }, ...EBU5.scenarios[0].steps],
      },
    ],
  };
  show(explanation);
  expect(rows(screen.getByRole('table', { name: 'Basis' }))[1]).toEqual([
    'Ingen fuldtidspersoner i scenariet: Udgift uskaleret',
    '',
  ]);
  // Without a netto step of the core's, the sum is named Netto.
  expect(rows(screen.getByRole('table', { name: 'Basis' })).at(-1)).toEqual(['Netto', '-85.000']);
});

test('the year is chosen with the arrow keys, Home and End; focus follows, and the amounts are that year’s', () => {
  show(EBU5);
  const year = (y: number) => screen.getByRole('radio', { name: String(y) }) as HTMLInputElement;
  const amounts = () => rows(screen.getByRole('table', { name: 'Basis' })).map((r) => r[1]);
  expect(year(2027).checked).toBe(true);
  // One Tab stop for the group: the chosen year.
  expect(YEARS.map((y) => year(y).tabIndex)).toEqual([0, -1, -1, -1]);
  expect(amounts()).toEqual(['2027 (kr.)', '-110.000', '+25.000', '-85.000']);

  year(2027).focus();
  fireEvent.keyDown(year(2027), { key: 'ArrowRight' });
  expect(year(2028).checked).toBe(true);
  expect(document.activeElement).toBe(year(2028));
  expect(YEARS.map((y) => year(y).tabIndex)).toEqual([-1, 0, -1, -1]);
  expect(amounts()).toEqual(['2028 (kr.)', '-110.000', '0', '-110.000']);
  expect(screen.getByRole('table', { name: 'Netto 2028 i alle scenarier' })).toBeTruthy();

  fireEvent.keyDown(year(2028), { key: 'End' });
  expect(year(2030).checked).toBe(true);
  expect(document.activeElement).toBe(year(2030));
  fireEvent.keyDown(year(2030), { key: 'ArrowRight' });
  expect(year(2027).checked).toBe(true);
  fireEvent.keyDown(year(2027), { key: 'ArrowLeft' });
  expect(year(2030).checked).toBe(true);
  fireEvent.keyDown(year(2030), { key: 'Home' });
  expect(year(2027).checked).toBe(true);
  expect(amounts()).toEqual(['2027 (kr.)', '-110.000', '+25.000', '-85.000']);

  // A click (or a screen reader's own selection) chooses as well.
  fireEvent.click(year(2029));
  expect(year(2029).checked).toBe(true);
  expect(amounts()[0]).toBe('2029 (kr.)');
});

test('a new proposal whose years do not hold the chosen year shows its first year', () => {
  const { rerender } = show(EBU5);
  fireEvent.click(screen.getByRole('radio', { name: '2030' }));
  const later: ProposalExplanation = { ...EBU5, years: [2031, 2032, 2033, 2034] };
  rerender(
    <FluentProvider theme={webLightTheme}>
      <Explanation explanation={later} language="da" />
    </FluentProvider>,
  );
  expect((screen.getByRole('radio', { name: '2031' }) as HTMLInputElement).checked).toBe(true);
  expect(screen.getByRole('table', { name: 'Netto 2031 i alle scenarier' })).toBeTruthy();
});

test('in English, and in mio. kr. with one decimal', () => {
  const inMillions: ProposalExplanation = {
    ...FAXE,
    unit: 'mio. kr.',
    scenarios: FAXE.scenarios.map((s) => ({
      ...s,
      steps: s.steps.map((step) => ({ ...step, amounts: step.amounts?.map((a) => a / 1_000_000) })),
      netto: s.netto.map((a) => a / 1_000_000),
    })),
  };
  show(inMillions, 'en');
  expect(screen.getByText(/Amounts in mio\. kr\.; minus is a saving/)).toBeTruthy();
  expect(rows(screen.getByRole('table', { name: 'Netto 2027 in every scenario' }))).toEqual([
    ['Scenario', '2027 (mio. kr.)'],
    ['Basis', '-0.4'],
    ['Caseload 40', '+0.1'],
    ['Uden BIU (left out)', '-0.4'],
  ]);
  expect(rows(screen.getByRole('table', { name: 'Caseload 40' }))[2][1]).toBe('+1.3');
  expect(screen.getByRole('table', { name: 'Uden BIU' })).toBeTruthy();
});

test('"Vis forslaget i projektmappen" hands the proposal’s place to the host; without a host there is no button', () => {
  const shown: CellPlace[] = [];
  const { unmount } = show(FAXE, 'da', (place) => shown.push(place));
  fireEvent.click(screen.getByRole('button', { name: 'Vis forslaget i projektmappen' }));
  expect(shown).toEqual([{ sheet: 'Faxe', row: 6, column: 0 }]);
  unmount();
  show(FAXE);
  expect(screen.queryByRole('button')).toBeNull();
});

test('axe-core finds no serious or critical violation, in Danish and English', async () => {
  for (const language of ['da', 'en'] as const) {
    const { container, unmount } = show(FAXE, language, () => undefined);
    // Colour contrast needs layout and a canvas, which jsdom lacks: the browser test (preview.e2e.ts) checks it.
    const results = await axe.run(container, {
      resultTypes: ['violations', 'incomplete'],
      rules: { 'color-contrast': { enabled: false } },
    });
    // Neither a violation nor a check axe could not decide (incomplete) may be serious or critical.
    const serious = [...results.violations, ...results.incomplete].filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
    // The rules on tables and labels did run.
    expect(results.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['th-has-data-cells', 'label']));
    unmount();
  }
});
