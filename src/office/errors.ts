/** Excel's errors, sorted into what the user can do about them. */
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
  const code = (error as { code?: string })?.code ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  const failure = BY_CODE[code] ?? (/protect/i.test(message) ? 'protected' : 'other');
  return new HostError(failure, message);
}
