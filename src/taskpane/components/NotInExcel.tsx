/** Shown when the task pane is opened outside Excel. */
import { Body1, FluentProvider, Link, Title3, webLightTheme } from '@fluentui/react-components';
import type { Language } from '../../workbook/messages';
import { STRINGS } from '../strings';

export function NotInExcel({ language }: { language: Language }) {
  const t = STRINGS[language];
  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1" block>
          {t.title}
        </Title3>
        <Body1 as="p" block>
          {t.notInExcel}
        </Body1>
        <Link href="preview.html">{t.previewLink}</Link>
      </main>
    </FluentProvider>
  );
}
