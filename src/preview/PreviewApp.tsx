/**
 * The preview: the real task pane beside an in-browser workbook (ExcelJS),
 * with the same engine and workbook layer as in Excel. Nothing is canned.
 */
import { Button, Caption1, FluentProvider, Subtitle1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CellPlace } from '../model/types';
import { App } from '../taskpane/components/App';
import { PaneStore } from '../taskpane/state';
import { workbookHost } from '../xlsx/workbook-host';
import { WorkbookView } from './WorkbookView';

export const SAMPLE_URL = 'assets/sample/raaderum-eksempel.xlsx';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', height: '100%' },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  grow: { flex: 1 },
  body: { display: 'flex', flex: 1, minHeight: 0 },
  pane: { width: '380px', flexShrink: 0, borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, overflow: 'auto' },
  hidden: { display: 'none' },
});

export function PreviewApp() {
  const styles = useStyles();
  const workbookRef = useRef<ExcelJS.Workbook>(new ExcelJS.Workbook());
  const [version, setVersion] = useState(0);
  const [fileName, setFileName] = useState('raaderum-eksempel.xlsx');
  const [active, setActive] = useState('');
  const [selected, setSelected] = useState<CellPlace>();
  const fileInput = useRef<HTMLInputElement>(null);

  const store = useMemo(
    () =>
      new PaneStore(
        workbookHost(() => workbookRef.current, {
          changed: () => setVersion((v) => v + 1),
          selected: (place) => {
            setActive(place.sheet);
            setSelected(place);
          },
        }),
      ),
    [],
  );

  async function open(data: ArrayBuffer, name: string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data);
    workbookRef.current = workbook;
    setFileName(name);
    setActive(workbook.worksheets[0]?.name ?? '');
    setSelected(undefined);
    setVersion((v) => v + 1);
    await store.scan();
  }

  async function openSample(): Promise<void> {
    const response = await fetch(SAMPLE_URL);
    await open(await response.arrayBuffer(), 'raaderum-eksempel.xlsx');
  }

  useEffect(() => {
    void openSample();
  }, []);

  async function download(): Promise<void> {
    const buffer = await workbookRef.current.xlsx.writeBuffer();
    const url = URL.createObjectURL(
      new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName.replace(/\.xlsx$/i, '') + '.resultat.xlsx';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <FluentProvider theme={webLightTheme} className={styles.shell}>
      <header className={styles.bar}>
        <div className={styles.grow}>
          <Subtitle1 as="h1">Råderum – forhåndsvisning</Subtitle1>
          <Caption1 block>{fileName} · en projektmappe i browseren, beregnet med samme kode som i Excel</Caption1>
        </div>
        <Button onClick={() => void openSample()}>Indlæs eksemplet</Button>
        <Button onClick={() => fileInput.current?.click()}>Åbn .xlsx …</Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Åbn en projektmappe (.xlsx)"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) await open(await file.arrayBuffer(), file.name);
            event.target.value = '';
          }}
        />
        <Button appearance="primary" onClick={() => void download()}>
          Hent projektmappen
        </Button>
      </header>
      <div className={styles.body}>
        <WorkbookView
          workbook={workbookRef.current}
          active={active}
          onActivate={setActive}
          selected={selected}
          version={version}
        />
        <aside className={styles.pane} aria-label="Opgaverude">
          <App store={store} />
        </aside>
      </div>
    </FluentProvider>
  );
}
