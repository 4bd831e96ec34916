/** A sober theme: navy primary, system fonts (CSP allows no font CDN), darker text for contrast. */
import {
  createTheme,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

const navy: MantineColorsTuple = [
  '#eef3f8',
  '#dce5ef',
  '#b6c9dd',
  '#8eabca',
  '#6c91b9',
  '#5681af',
  '#4a78aa',
  '#3b6695',
  '#2f5781',
  '#1d3d5e',
];

/**
 * Light and outline variants use the darkest shade for text, so badges and quiet buttons keep a
 * contrast ratio above 4.5:1 on their tinted backgrounds (Mantine's default shade 6 does not).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  if (!(color in input.theme.colors)) return base;
  if (input.variant === 'light' || input.variant === 'subtle') {
    return {
      ...base,
      color: `var(--mantine-color-${color}-9)`,
      hoverColor: `var(--mantine-color-${color}-9)`,
    };
  }
  if (input.variant === 'outline') {
    return { ...base, color: `var(--mantine-color-${color}-9)` };
  }
  return base;
};

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 7,
  colors: { navy },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  variantColorResolver,
});

/** Dimmed text in Mantine is gray 6 (3.3:1 on white); a darker gray reads better and passes AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5b636b',
    '--mantine-color-placeholder': '#6b737b',
  },
  dark: {},
});
