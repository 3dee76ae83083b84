/** Shown when the task pane is opened outside Excel. */
import { tokens, webLightTheme } from '@fluentui/react-components';
import { ThemeRoot } from './theme-root';
import { Body1, Title3 } from './text';
import type { Language } from '../../workbook/messages';
import { STRINGS } from '../strings';

export function NotInExcel({ language }: { language: Language }) {
  const t = STRINGS[language];
  return (
    <ThemeRoot theme={webLightTheme} lang={language}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1" block>
          {t.title}
        </Title3>
        <Body1 as="p" block>
          {t.notInExcel}
        </Body1>
        {/* The browser's own link in Fluent's link colour: Fluent's Link adds about 2 KB gzip for one link. */}
        <a href="preview.html" style={{ color: tokens.colorBrandForegroundLink, fontFamily: tokens.fontFamilyBase }}>
          {t.previewLink}
        </a>
      </main>
    </ThemeRoot>
  );
}
