/**
 * Excel on the web refuses requests and responses above 5 MB. Rows are packed
 * into blocks under a budget measured the way the payload is: as JSON.
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Room left for the request's own envelope (object paths, method names). */
export const BLOCK_BUDGET_BYTES = 4_500_000;
/**
 * A block read is sized from the bytes per cell measured on what was read before; rows further down may be
 * denser (a long note): a fifth under the block budget before it is split.
 */
export const READ_BUDGET_BYTES = 3_600_000;

/**
 * What one queued call adds to a request beside its arguments: its action and the object paths it goes through
 * (sheet, range, format, fill …), as JSON. Formats, freeze panes and page setup are many small calls.
 */
export const OPERATION_BYTES = 300;

export const jsonBytes = (value: unknown): number => {
  const text = JSON.stringify(value);
  // Counted as the larger of the two ways the JSON may travel: a non-ASCII character is 2–3 bytes in UTF-8, 6 as
  // an escape (\u00e5); 6 it is. Counted by the regular expression engine (a loop over every character is slow);
  // one character per match, never a run of them, which can overflow the stack on a text of megabytes.
  const nonAscii = text.match(/[^ -~\t\n\r]/g)?.length ?? 0;
  return text.length + 5 * nonAscii;
};

/** Splits row indexes [0, rowCount) into consecutive blocks whose sizes stay under the budget. */
export function rowBlocks(rowBytes: readonly number[], budget = BLOCK_BUDGET_BYTES): { start: number; count: number }[] {
  const blocks: { start: number; count: number }[] = [];
  let start = 0;
  let size = 0;
  rowBytes.forEach((bytes, row) => {
    if (row > start && size + bytes > budget) {
      blocks.push({ start, count: row - start });
      start = row;
      size = 0;
    }
    size += bytes;
  });
  if (rowBytes.length > start) blocks.push({ start, count: rowBytes.length - start });
  return blocks;
}

const codeOf = (error: unknown): string => (error as { code?: string })?.code ?? '';

/** Excel on the web's answer to a request or response over 5 MB. */
export function isPayloadTooLarge(error: unknown): boolean {
  return ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'].includes(codeOf(error));
}

/**
 * Worth trying again in smaller blocks: a payload over the limit, or
 * GeneralException, which Excel on the web also returns for large requests
 * (OfficeDev/office-js#1012, #1314; office-js-docs-reference#354).
 */
export function isRetryable(error: unknown): boolean {
  return isPayloadTooLarge(error) || codeOf(error) === 'GeneralException';
}
