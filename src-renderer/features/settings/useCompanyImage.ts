import { useCallback } from 'react';
import type { CompanyImage } from '../../../src-shared/contract';
import { call } from '../../api';
import { useLoader } from '../../hooks/useLoader';

/** The logo or the signature as a data URL for a preview; loaded again when its hash changes. */
export function useCompanyImage(which: 'logo' | 'signature', sha256: string | null): string | null {
  const load = useCallback(
    async (): Promise<CompanyImage | null> => (sha256 ? call('settings.image', { which }) : null),
    [which, sha256],
  );
  const { data } = useLoader(load);
  return sha256 && data ? `data:${data.mime};base64,${data.base64}` : null;
}
