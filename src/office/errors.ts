/**
 * Excel's errors, sorted into what the user can do about them. Only by error
 * code: Excel localises its messages, so no word in a message is ever read.
 */
import { HostError, type HostFailure } from '../workbook/host';

const BY_CODE: Record<string, HostFailure> = {
  InvalidOperationInCellEditMode: 'editMode',
  AccessDenied: 'protected',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  OperationCellsExceedLimit: 'tooLarge',
  RangeExceedsLimit: 'tooLarge',
  Conflict: 'busy',
  ActivityLimitReached: 'busy',
};

export function hostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = (error as { code?: string })?.code ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  return new HostError(BY_CODE[code] ?? 'other', code ? `${code}: ${message}` : message);
}
