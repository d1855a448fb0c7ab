import { useEffect, useState } from 'react';
import { Badge, Combobox, Group, Loader, Modal, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { HouseholdForm } from './HouseholdForm';
import type { Household, MemberHit } from './types';

export interface MemberPickerProps {
  /** Which records to offer; both when omitted. */
  kinds?: ('household' | 'org')[];
  /** Only these organisation kinds, e.g. ['农民专业合作社'] for a cooperative picker. */
  orgKinds?: string[];
  /** Offer deactivated records too (default: active only). */
  includeInactive?: boolean;
  /** Only members of this cooperative (the ledger's member accounts); hits carry coopMemberId. */
  coopId?: number;
  onSelect(hit: MemberHit): void;
  /** Offers "新建农户" at the end of the list, opening a short household form prefilled with what was typed. */
  allowQuickAdd?: boolean;
  label?: string;
  placeholder?: string;
  description?: string;
  error?: string | undefined;
  autoFocus?: boolean;
  required?: boolean;
  /** Records that may not be chosen here (e.g. members already on the roll), by "kind:id". */
  exclude?: string[];
}

const QUICK_ADD = '__quick_add__';

function hitOfHousehold(h: Household): MemberHit {
  return {
    kind: 'household',
    id: h.id,
    name: h.name,
    kindLabel: '农户',
    orgKind: '',
    townshipId: h.townshipId,
    villageId: h.villageId,
    township: h.township,
    village: h.village,
    phone: h.phone,
    idNumber: h.idNumber,
    creditCode: '',
    status: h.status,
    active: h.status === 'active',
    figures: '',
    matched: '',
    coopMemberId: null,
  };
}

/**
 * The registry's search as a picker: type a name or part of it, pinyin initials, a phone or ID
 * number tail or a credit code; arrow keys move, Enter picks. Used by the registry, the front desk
 * and the ledger's member fields.
 */
export function MemberPicker(p: MemberPickerProps) {
  const { can } = useSession();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 120);
  const [hits, setHits] = useState<MemberHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [adding, setAdding] = useState(false);
  const quickAdd = p.allowQuickAdd === true && p.coopId === undefined && (p.kinds === undefined || p.kinds.includes('household')) && can('households.save');

  useEffect(() => {
    if (!debounced.trim()) {
      setHits([]);
      return;
    }
    let live = true;
    setLoading(true);
    call('members.search', { q: debounced, kinds: p.kinds, orgKinds: p.orgKinds as never, activeOnly: !p.includeInactive, coopId: p.coopId, limit: 12 }).then(
      (r) => {
        if (!live) return;
        const ex = new Set(p.exclude ?? []);
        setHits(r.filter((h) => !ex.has(`${h.kind}:${h.id}`)));
        setLoading(false);
        combobox.selectFirstOption();
      },
      () => {
        if (!live) return;
        setHits([]);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, JSON.stringify([p.kinds, p.orgKinds, p.includeInactive, p.exclude, p.coopId])]);

  const pick = (h: MemberHit) => {
    p.onSelect(h);
    setQ('');
    setHits([]);
    combobox.closeDropdown();
  };

  const typed = q.trim();
  const initial = /^[\d\s-]{7,}$/.test(typed) ? { phone: typed } : /^\d{17}[\dXx]$/.test(typed) ? { idNumber: typed } : /[^\x00-\x7f]/.test(typed) ? { name: typed } : {};

  return (
    <>
      <Combobox
        store={combobox}
        onOptionSubmit={(value) => {
          if (value === QUICK_ADD) {
            combobox.closeDropdown();
            setAdding(true);
            return;
          }
          const h = hits.find((x) => `${x.kind}:${x.id}` === value);
          if (h) pick(h);
        }}
      >
        <Combobox.Target>
          <TextInput
            label={p.label}
            description={p.description}
            placeholder={p.placeholder ?? t('姓名、拼音首字母、电话或证件号尾号')}
            leftSection={<IconSearch size={16} />}
            rightSection={loading ? <Loader size="xs" /> : null}
            value={q}
            error={p.error}
            required={p.required}
            autoFocus={p.autoFocus}
            data-autofocus={p.autoFocus ? true : undefined}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            data-testid="member-picker"
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!typed}>
          <Combobox.Options mah={360} style={{ overflowY: 'auto' }}>
            {hits.map((h) => (
              <Combobox.Option value={`${h.kind}:${h.id}`} key={`${h.kind}:${h.id}`}>
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="light" color={h.kind === 'household' ? 'teal' : 'blue'}>
                    {h.kind === 'household' ? t('农户') : t(h.orgKind)}
                  </Badge>
                  <Text size="sm" fw={500} c={h.active ? undefined : 'dimmed'}>
                    {h.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[h.township + h.village, h.kind === 'household' ? h.idNumber || h.phone : h.creditCode, h.figures].filter(Boolean).join(' · ')}
                  </Text>
                </Group>
              </Combobox.Option>
            ))}
            {!loading && typed && hits.length === 0 && <Combobox.Empty>{t('没有找到')}</Combobox.Empty>}
            {quickAdd && typed && (
              <Combobox.Option value={QUICK_ADD}>
                <Group gap={6}>
                  <IconUserPlus size={14} />
                  <Text size="sm">{t('新建农户“{q}”', { q: typed })}</Text>
                </Group>
              </Combobox.Option>
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('新建农户')} size="lg">
        <HouseholdForm
          compact
          initial={initial}
          onCancel={() => setAdding(false)}
          onSaved={(h) => {
            setAdding(false);
            pick(hitOfHousehold(h));
          }}
        />
      </Modal>
    </>
  );
}
