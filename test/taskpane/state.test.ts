/** The pane's analysis: the same reading, calculation and output as the command line. */
import { analyse } from '../../src/taskpane/state';
import { scenarioSheet, sheet } from '../helpers/sheets';

test('output tables are named around the user’s own tables, so the workbook never holds two of one name', () => {
  const list = sheet(
    'Forslag',
    [
      ['Nr', 'Titel', 'Udgift 2026'],
      ['A', 'a', -100],
    ],
    'raaderum_resultat_1',
  );
  const analysis = analyse([list, scenarioSheet([['Råderum 2026', 0]])]);
  const names = analysis.outputs!.flatMap((o) => o.tables.map((t) => t.name.toLowerCase()));
  expect(names).toContain('raaderum_resultat_1_2');
  expect(names).not.toContain('raaderum_resultat_1');
  expect(new Set(names).size).toBe(names.length);
});
