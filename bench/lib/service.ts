// The service as the server builds it, with a fixed "today" so runs are repeatable.
import { createService, type HcpcsService } from '../../server/src/service';
import { loadGuidance } from '../../server/src/features/guidance';
import type { CodeSet } from '../../server/src/codeset/types';
import { defaultSettings, type Settings } from '../../server/src/settings';
import guidanceFiles from 'virtual:guidance';

/** after every generated date of service */
export const BENCH_TODAY = '2025-11-15';

const guidance = loadGuidance(guidanceFiles);

export function benchService(codeset: CodeSet, settings: Partial<Settings> = {}): HcpcsService {
  return createService({ codeset, guidance, settings: { ...defaultSettings, ...settings }, today: () => BENCH_TODAY });
}
