import { Combobox, Group, Kbd, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useEffectEvent, useState, type RefObject } from 'react';
import type { SearchHit } from '../../../src-shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { navigate } from '../../router/routes';
import { useCustomerSearch } from './useCustomerSearch';

/** The field that found a hit, as the hit shows it: "MAC A4:5E:60:C2:11:F0". */
function matchedText(hit: SearchHit): string | null {
  switch (hit.matched) {
    case 'email':
      return hit.email;
    case 'macAddress':
      return hit.macAddress && `MAC ${hit.macAddress}`;
    case 'pppoeUsername':
      return hit.pppoeUsername;
    case 'staticIp':
      return hit.staticIp && `IP ${hit.staticIp}`;
    default:
      return null;
  }
}

/** The header search box (Ctrl+K): name, phone, account number, e-mail, PPPoE user, IP or MAC. */
export function GlobalSearch({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const [query, setQuery] = useState('');
  const { hits, searching } = useCustomerSearch(query);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  // Enter opens the best hit without the operator having to arrow down first.
  const selectBestHit = useEffectEvent(() => combobox.selectFirstOption());
  useEffect(() => {
    if (hits.length > 0) selectBestHit();
  }, [hits]);

  function openCustomer(id: string) {
    navigate({ page: 'customer', id: Number(id) });
    setQuery('');
    combobox.closeDropdown();
    inputRef.current?.blur();
  }

  const showDropdown = query.trim() !== '';
  return (
    <Combobox store={combobox} onOptionSubmit={openCustomer} width={480} position="bottom-start">
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          w={{ base: 220, sm: 380, md: 460 }}
          aria-label="Search customers"
          placeholder="Search name, phone, account, e-mail, IP, MAC"
          leftSection={<IconSearch size={16} />}
          rightSection={searching ? <Loader size={14} /> : <Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={searching ? 36 : 60}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setQuery('');
              event.currentTarget.blur();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!showDropdown}>
        <Combobox.Options aria-label="Matching customers">
          {hits.map((hit) => {
            const matched = matchedText(hit);
            return (
              <Combobox.Option
                key={hit.id}
                value={String(hit.id)}
                aria-label={`${hit.name} ${hit.accountNo}`}
                className="wd-search-hit"
              >
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {hit.name}
                    </Text>
                    <Text size="xs" className="wd-search-hit-details" truncate>
                      {[hit.accountNo, hit.phone, !matched && (hit.pppoeUsername ?? hit.staticIp)]
                        .filter(Boolean)
                        .join(' · ')}
                      {matched && (
                        <>
                          {' · '}
                          <Text span inherit fw={600} data-testid="search-hit-matched">
                            {matched}
                          </Text>
                        </>
                      )}
                    </Text>
                  </Stack>
                  <StatusBadge status={hit.status} size="xs" />
                </Group>
              </Combobox.Option>
            );
          })}
          {hits.length === 0 && !searching && <Combobox.Empty>No customer matches “{query.trim()}”</Combobox.Empty>}
          {hits.length === 0 && searching && <Combobox.Empty>Searching…</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
