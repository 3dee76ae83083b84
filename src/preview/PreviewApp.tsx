/**
 * The preview: the real task pane beside an in-browser workbook (ExcelJS),
 * with the same engine and workbook layer as in Excel. Nothing is canned.
 */
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CellPlace } from '../model/types';
import { App } from '../taskpane/components/App';
import { inThread } from '../taskpane/analysis';
import type { Calculator } from '../taskpane/calculation';
import { PaneStore, type EditingHost } from '../taskpane/state';
import type { WhatIfRunner } from '../taskpane/what-if-runner';
import { excelNameKey } from '../workbook/grid';
import type { WorkbookHost } from '../workbook/host';
import type { OutputSheet } from '../workbook/output';
import { openWorkbook } from '../xlsx/open';
import { writeOutputSheets } from '../xlsx/package-writer';
import { workbookHost } from '../xlsx/workbook-host';
import { openProblem, openProblemText, type OpenProblem } from './fileProblems';
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
  problem: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
});

/**
 * The preview's workbook host waits for the first workbook to load: a press
 * before then reads that workbook, not the empty one in its place. Meanwhile
 * the pane's first read is running, so a press is queued, as in Excel.
 */
export function afterFirstLoad(host: WorkbookHost, loaded: Promise<void>): WorkbookHost {
  const editing = host as EditingHost;
  return {
    writeChanges: async (changes) => {
      await loaded;
      if (!editing.writeChanges) throw new Error('This workbook cannot be edited');
      return editing.writeChanges(changes);
    },
    ...(editing.watch && { watch: (events) => (editing.watch as NonNullable<EditingHost['watch']>)(events) }),
    read: async () => {
      await loaded;
      return host.read();
    },
    run: async (produce, onProgress) => {
      await loaded;
      return host.run(produce, onProgress);
    },
    addMissingSheets: async (sheets) => {
      await loaded;
      return host.addMissingSheets(sheets);
    },
    select: (place) => host.select(place),
  };
}

/** A file's name without .xlsx or .xlsm. */
const baseName = (name: string) => name.replace(/\.xls[xm]$/i, '');
/** The download is the opened file's own package: an .xlsm stays an .xlsm, with its macros. */
const isMacroFile = (name: string) => /\.xlsm$/i.test(name);

/**
 * The opened file's bytes, and the sheets written into the shown workbook since
 * (by name, case aside: a later write of a sheet replaces the earlier one).
 */
export class OpenedFile {
  private readonly sheets = new Map<string, OutputSheet>();
  constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
  ) {}

  written(sheets: readonly OutputSheet[]): void {
    for (const sheet of sheets) {
      this.sheets.delete(excelNameKey(sheet.name));
      this.sheets.set(excelNameKey(sheet.name), sheet);
    }
  }

  /** The file as downloaded: every part of the opened file, with the written sheets in it. */
  download(): Promise<Uint8Array> {
    return writeOutputSheets(this.bytes, [...this.sheets.values()]);
  }
}

export interface PreviewProps {
  /** Where the pane calculates: the page gives a worker (./index.tsx); the pane's thread by default (tests). */
  calculator?: Calculator;
  /** Where the live what-if runs: the page gives a worker; the pane's thread by default. */
  whatIf?: WhatIfRunner;
}

export function PreviewApp({ calculator = inThread, whatIf }: PreviewProps = {}) {
  const styles = useStyles();
  const workbookRef = useRef<ExcelJS.Workbook>(new ExcelJS.Workbook());
  /** The opened file itself: the download is written into its bytes, so nothing ExcelJS cannot carry is lost. */
  const fileRef = useRef<OpenedFile>();
  const [version, setVersion] = useState(0);
  const [fileName, setFileName] = useState('raaderum-eksempel.xlsx');
  const [active, setActive] = useState('');
  const [selected, setSelected] = useState<CellPlace>();
  const [problem, setProblem] = useState<OpenProblem>();
  const fileInput = useRef<HTMLInputElement>(null);
  /** Settles when the first workbook has loaded (or could not be). */
  const firstLoad = useMemo(() => {
    let settle!: () => void;
    const loaded = new Promise<void>((resolve) => (settle = resolve));
    return { loaded, settle };
  }, []);
  /** Counts the opens begun: an open overtaken by a later one (a slow sample) shows nothing. */
  const opens = useRef(0);

  /** The in-browser workbook as the pane's host; a cell clicked in the sheet view is a selection it tells of. */
  const host = useMemo(
    () =>
      workbookHost(() => workbookRef.current, {
        changed: () => setVersion((v) => v + 1),
        selected: (place) => {
          setActive(place.sheet);
          setSelected(place);
        },
        written: (sheets) => fileRef.current?.written(sheets),
      }),
    [],
  );
  const store = useMemo(
    () => new PaneStore(afterFirstLoad(host, firstLoad.loaded), 'da', calculator, whatIf),
    [host, firstLoad, calculator, whatIf],
  );
  const language = useSyncExternalStore(store.subscribe, () => store.getState().language);

  /** Opens a workbook in place of the shown one; a file that cannot be opened leaves it as it was. */
  async function open(bytes: () => Promise<ArrayBuffer>, name: string, sample = false): Promise<void> {
    const ticket = ++opens.current;
    let workbook: ExcelJS.Workbook | undefined;
    let opened: OpenedFile | undefined;
    let failed: OpenProblem | undefined;
    try {
      const data = await bytes().catch((error: unknown) => {
        if (!sample) throw error;
        failed = { kind: 'sampleMissing', file: name, detail: error instanceof Error ? error.message : String(error) };
      });
      if (data) {
        // A copy of the bytes: the reader may take the buffer it is given.
        opened = new OpenedFile(name, new Uint8Array(data).slice());
        workbook = (await openWorkbook(data)).workbook;
      }
    } catch (error) {
      failed = openProblem(error, name);
    }
    if (ticket !== opens.current) return;
    setProblem(failed);
    if (workbook) {
      workbookRef.current = workbook;
      fileRef.current = opened;
      setFileName(name);
      setActive(workbook.worksheets[0]?.name ?? '');
      setSelected(undefined);
      setVersion((v) => v + 1);
    }
    firstLoad.settle();
    if (workbook) await store.scan();
  }

  function openSample(): Promise<void> {
    return open(
      async () => {
        const response = await fetch(SAMPLE_URL);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      },
      'raaderum-eksempel.xlsx',
      true,
    );
  }

  useEffect(() => {
    void openSample();
  }, []);

  async function download(): Promise<void> {
    const file = fileRef.current;
    let data: Uint8Array;
    try {
      // Before any file has opened there is only the empty workbook shown meanwhile.
      data = file ? await file.download() : new Uint8Array((await workbookRef.current.xlsx.writeBuffer()) as ArrayBuffer);
    } catch (error) {
      setProblem({ kind: 'notSaved', file: fileName, detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    const macros = isMacroFile(fileName);
    const url = URL.createObjectURL(
      new Blob([data as BlobPart], {
        type: macros
          ? 'application/vnd.ms-excel.sheet.macroEnabled.12'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = baseName(fileName) + (macros ? '.resultat.xlsm' : '.resultat.xlsx');
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
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          aria-label="Åbn en projektmappe (.xlsx)"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void open(() => file.arrayBuffer(), file.name);
          }}
        />
        <Button appearance="primary" onClick={() => void download()}>
          Hent projektmappen
        </Button>
      </header>
      {problem && (
        <MessageBar intent="error" className={styles.problem} role="alert" lang={language}>
          <MessageBarBody>{openProblemText(problem, language)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <WorkbookView
          workbook={workbookRef.current}
          active={active}
          onActivate={setActive}
          selected={selected}
          onSelect={(place) => {
            setSelected(place);
            host.selectedByHand(place);
          }}
          version={version}
          language={language}
        />
        <aside className={styles.pane} aria-label="Opgaverude">
          <App store={store} />
        </aside>
      </div>
    </FluentProvider>
  );
}
