import { Group, Text } from '@mantine/core';

interface ChartLegendProps {
  series: readonly { name: string; label: string; color: string }[];
}

/** "green.6" → the CSS variable of that Mantine colour. */
function cssColor(color: string): string {
  const [name, shade] = color.split('.');
  return shade ? `var(--mantine-color-${name}-${shade})` : color;
}

/**
 * A chart's legend as ordinary text that wraps on as many lines as it needs, so it pushes what
 * follows down instead of drawing over it (the chart library's legend has a fixed height).
 */
export function ChartLegend({ series }: ChartLegendProps) {
  return (
    <Group
      component="ul"
      gap="xs"
      justify="center"
      m={0}
      p={0}
      mt={4}
      style={{ columnGap: 'var(--mantine-spacing-md)' }}
      aria-hidden
    >
      {series.map((s) => (
        <Group component="li" key={s.name} gap={6} wrap="nowrap" style={{ listStyle: 'none' }}>
          <span
            style={{
              width: 10,
              height: 10,
              borderRadius: 5,
              flexShrink: 0,
              background: cssColor(s.color),
            }}
          />
          <Text span size="xs">
            {s.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
