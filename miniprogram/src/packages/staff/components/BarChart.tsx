import { Text, View } from '@tarojs/components'

export interface Bar {
  /** Under the bar: a month as 「11月」. */
  label: string
  /** Stacked parts from the bottom (e.g. done, then missed); one part for a plain bar. */
  parts: { value: number; tone: 'ok' | 'bad' | 'main' | 'muted' }[]
  /** Above the bar: its figure as officers read it (「2.1%」, 「35」). */
  caption: string
  flagged?: boolean
}

/**
 * A bar chart drawn with views, so the same chart renders in H5 and in the mini-program without
 * a canvas library (which would cost package size): the last twelve months at 375 px, an
 * optional threshold line (the 3% rate), and a legend that says what the colours mean.
 */
export default function BarChart({
  id,
  bars,
  max,
  threshold,
  legend,
}: {
  id: string
  bars: Bar[]
  max?: number
  threshold?: { value: number; label: string }
  legend: { tone: Bar['parts'][number]['tone'] | 'line'; label: string }[]
}) {
  const top = Math.max(
    max ?? 0,
    threshold?.value ?? 0,
    ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)),
    1e-9,
  )
  const pct = (v: number) => `${Math.min(100, (v / top) * 100)}%`
  return (
    <View className="chart" id={id}>
      <View className="chart__plot">
        {threshold ? (
          <View className="chart__layer">
            <View className="chart__threshold" style={{ bottom: pct(threshold.value) }}>
              {threshold.label ? <Text className="chart__threshold-label">{threshold.label}</Text> : null}
            </View>
          </View>
        ) : null}
        {bars.map((b) => (
          <View key={b.label} className="chart__col">
            <Text className={`chart__caption${b.flagged ? ' chart__caption--flag' : ''}`}>{b.caption}</Text>
            {/* The first part sits at the bottom: drawn last in a column that ends at the axis. */}
            {b.parts
              .map((p, i) => ({ ...p, i }))
              .reverse()
              .map((p) => (
                <View
                  key={p.i}
                  className={`chart__part chart__part--${p.tone}`}
                  style={{ height: pct(p.value) }}
                />
              ))}
          </View>
        ))}
      </View>
      <View className="chart__axis">
        {bars.map((b) => (
          <Text key={b.label} className="chart__label">
            {b.label}
          </Text>
        ))}
      </View>
      <View className="chart__legend">
        {legend.map((l) => (
          <View key={l.label} className="chart__legend-item">
            <View className={`chart__swatch chart__part--${l.tone}`} />
            <Text>{l.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
