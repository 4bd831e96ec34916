/** A sober theme: navy primary, system fonts (CSP allows no font CDN), darker text for contrast. */
import {
  Anchor,
  Breadcrumbs,
  createTheme,
  DEFAULT_THEME,
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

const colors: Record<string, MantineColorsTuple> = { ...DEFAULT_THEME.colors, navy };

/** WCAG's AA ratio for normal text, with a little room for rounding in the browser. */
const READABLE = 4.6;

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function relativeLuminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(hexToRgb(a)), relativeLuminance(hexToRgb(b))].sort(
    (x, y) => y - x,
  ) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` darkened in small steps until it reads at AA on `background`. */
function darkenUntilReadable(color: string, background: string): string {
  let rgb = hexToRgb(color);
  for (let step = 0; step < 40 && contrastRatio(rgbToHex(rgb), background) < READABLE; step++) {
    rgb = rgb.map((v) => v * 0.93) as Rgb;
  }
  return rgbToHex(rgb);
}

/**
 * For each palette colour: the text colour of light badges, alerts and quiet buttons (shade 9,
 * darkened where it is too light for its shade-1 background — Mantine's green, teal, orange,
 * yellow, cyan and lime are 2.7–4.3:1), and a filled background that white text reads on.
 */
const readable = Object.fromEntries(
  Object.entries(colors).map(([name, shades]) => [
    name,
    {
      onLight: darkenUntilReadable(shades[9], shades[1]),
      onWhite: darkenUntilReadable(shades[9], '#ffffff'),
      text: darkenUntilReadable(shades[7], '#ffffff'),
      filled: darkenUntilReadable(shades[7], '#ffffff'),
    },
  ]),
) as Record<string, { onLight: string; onWhite: string; text: string; filled: string }>;

/** Light, subtle, outline and filled variants in colours that keep AA contrast. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const color = input.color ?? input.theme.primaryColor;
  const safe = readable[color];
  if (!safe) return base;
  if (input.variant === 'light') {
    return { ...base, color: safe.onLight, hoverColor: safe.onLight };
  }
  if (input.variant === 'subtle') {
    return { ...base, color: safe.onLight, hoverColor: safe.onLight };
  }
  if (input.variant === 'outline') {
    return { ...base, color: safe.onWhite, border: `1px solid ${safe.onWhite}` };
  }
  if (input.variant === 'filled' && contrastRatio(colors[color]![7], '#ffffff') < READABLE) {
    return { ...base, background: safe.filled, hover: safe.filled, color: '#ffffff' };
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
  components: {
    // A link in running text must not be told apart by colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A long plan title in the trail wraps instead of widening the page on a phone.
    Breadcrumbs: Breadcrumbs.extend({
      styles: {
        root: { flexWrap: 'wrap', rowGap: 4 },
        breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere', lineHeight: 1.35 },
      },
    }),
    // A dialog's header is part of the dialog, not a second banner of the page: a plain box.
    ModalHeader: { defaultProps: { component: 'div' } },
    DrawerHeader: { defaultProps: { component: 'div' } },
  },
});

/**
 * Dimmed text in Mantine is gray 6 (3.3:1 on white); a darker gray reads better and passes AA.
 * Coloured text (`c="green"`) takes each colour's readable shade instead of shade 7.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5b636b',
    '--mantine-color-placeholder': '#6b737b',
    ...Object.fromEntries(
      Object.entries(readable).map(([name, safe]) => [`--mantine-color-${name}-text`, safe.text]),
    ),
  },
  dark: {},
});
