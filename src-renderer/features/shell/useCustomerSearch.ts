import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../src-shared/contract';
import { call } from '../../api';
import { notifyError } from '../../lib/notify';

interface SearchResult {
  query: string;
  hits: SearchHit[];
}

/** As-you-type customer search: waits 120 ms after the last key, drops stale answers. */
export function useCustomerSearch(query: string): { hits: SearchHit[]; searching: boolean } {
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const [result, setResult] = useState<SearchResult>({ query: '', hits: [] });

  useEffect(() => {
    if (!debounced) return undefined;
    let current = true;
    call('customers.search', { query: debounced, limit: 8 }).then(
      (hits) => current && setResult({ query: debounced, hits }),
      (error: unknown) => current && notifyError(error, 'Search failed'),
    );
    return () => {
      current = false;
    };
  }, [debounced]);

  const trimmed = query.trim();
  if (!trimmed) return { hits: [], searching: false };
  return { hits: result.hits, searching: result.query !== trimmed };
}
