import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchInputProps {
  label: string;
  placeholder?: string;
  /** The search that is in force (usually from the address bar). */
  value: string;
  /** Called once typing pauses, with the trimmed text. */
  onSearch: (value: string) => void;
  delay?: number;
}

/**
 * A search box that answers every keystroke but searches only once typing pauses (or on Enter).
 * When the value changes from outside (filters cleared, back button) the box follows it.
 */
export function SearchInput({
  label,
  placeholder,
  value,
  onSearch,
  delay = 300,
}: SearchInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    setText(value);
  }
  const apply = useDebouncedCallback((next: string) => {
    setApplied(next.trim());
    onSearch(next.trim());
  }, delay);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply.flush();
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t('common.clearSearch')}
            onClick={() => {
              setText('');
              apply('');
              apply.flush();
            }}
          />
        ) : null
      }
    />
  );
}
