import { useMemo, useState, type Ref } from 'react';
import { Popover, ScrollArea, Text, TextInput, UnstyledButton } from '@mantine/core';

export interface LookupOption {
  value: number;
  label: string;
  /** Lower-case text the query is matched against (code, name, pinyin initials). */
  key: string;
  hint?: string;
}

interface LookupProps {
  options: LookupOption[];
  value: number;
  onChange(value: number): void;
  /** Called with the value after a choice is made with Enter, and on Enter when a value is already chosen. */
  onAdvance?(value: number): void;
  match?(option: LookupOption, query: string): boolean;
  inputRef?: Ref<HTMLInputElement>;
  label?: string;
  ariaLabel?: string;
  placeholder?: string;
  error?: string;
  size?: 'xs' | 'sm';
  width?: number | string;
  autoFocus?: boolean;
}

const LIMIT = 40;
const defaultMatch = (o: LookupOption, q: string) => o.key.includes(q.trim().toLowerCase());

/**
 * A keyboard-first picker: type a code, part of a name or pinyin initials, move with the arrow keys,
 * Enter takes the highlighted choice and moves on. Written out rather than built on Select so that
 * Enter can both choose and advance to the next cell without the two fighting over the key.
 */
export function Lookup(p: LookupProps) {
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const selected = p.options.find((o) => o.value === p.value);
  const match = p.match ?? defaultMatch;
  const filtered = useMemo(() => (query ? p.options.filter((o) => match(o, query)) : p.options).slice(0, LIMIT), [p.options, query, match]);
  const open = query !== null && filtered.length > 0;

  const choose = (o: LookupOption | undefined) => {
    setQuery(null);
    if (!o) return;
    p.onChange(o.value);
    p.onAdvance?.(o.value);
  };

  return (
    <Popover opened={open} position="bottom-start" width={420} trapFocus={false} returnFocus={false} withinPortal shadow="md" offset={2}>
      <Popover.Target>
        <TextInput
          ref={p.inputRef}
          size={p.size ?? 'xs'}
          w={p.width}
          label={p.label}
          aria-label={p.ariaLabel ?? p.label}
          placeholder={p.placeholder}
          error={p.error}
          autoFocus={p.autoFocus}
          autoComplete="off"
          role="combobox"
          aria-expanded={open}
          value={query ?? selected?.label ?? ''}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => setQuery(null)}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (query === null) setQuery('');
              setActive((i) => Math.max(0, Math.min(filtered.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (open) choose(filtered[active]);
              else if (p.value) p.onAdvance?.(p.value);
            } else if (e.key === 'Escape' && query !== null) {
              e.stopPropagation();
              setQuery(null);
            }
          }}
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <ScrollArea.Autosize mah={280} type="auto">
          <div role="listbox">
            {filtered.map((o, i) => (
              <UnstyledButton
                key={o.value}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                display="block"
                w="100%"
                px={8}
                py={4}
                bg={i === active ? 'var(--mantine-color-blue-light)' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(o)}
              >
                <Text size="sm">{o.label}</Text>
                {o.hint && (
                  <Text size="xs" c="dimmed">
                    {o.hint}
                  </Text>
                )}
              </UnstyledButton>
            ))}
          </div>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * Free text with suggestions (摘要 from history): typing keeps what is typed, the arrow keys pick a
 * suggestion, Enter keeps the text and moves on.
 */
export function SuggestInput(p: {
  value: string;
  onChange(v: string): void;
  suggestions: string[];
  onAdvance?(): void;
  inputRef?: Ref<HTMLInputElement>;
  ariaLabel: string;
  placeholder?: string;
  error?: string;
}) {
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const filtered = useMemo(() => {
    const q = p.value.trim();
    return p.suggestions.filter((s) => s !== q && (!q || s.includes(q))).slice(0, 12);
  }, [p.suggestions, p.value]);
  const open = focused && filtered.length > 0 && (active >= 0 || p.value.trim() !== '');
  return (
    <Popover opened={open} position="bottom-start" width={360} trapFocus={false} returnFocus={false} withinPortal shadow="md" offset={2}>
      <Popover.Target>
        <TextInput
          ref={p.inputRef}
          size="xs"
          aria-label={p.ariaLabel}
          placeholder={p.placeholder}
          error={p.error}
          autoComplete="off"
          value={p.value}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            setActive(-1);
          }}
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
            setActive(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(0, Math.min(filtered.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (open && filtered[active]) p.onChange(filtered[active]);
              setActive(-1);
              p.onAdvance?.();
            } else if (e.key === 'Escape' && active >= 0) {
              e.stopPropagation();
              setActive(-1);
            }
          }}
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <div role="listbox">
          {filtered.map((s, i) => (
            <UnstyledButton
              key={s}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              display="block"
              w="100%"
              px={8}
              py={4}
              bg={i === active ? 'var(--mantine-color-blue-light)' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                p.onChange(s);
                setActive(-1);
              }}
            >
              <Text size="sm">{s}</Text>
            </UnstyledButton>
          ))}
        </div>
      </Popover.Dropdown>
    </Popover>
  );
}
