// Colour classes for choropleths: viridis, which stays ordered for the common forms of colour blindness
// and in greyscale. Dark means the poorest outcome, whatever the measure's direction.
import { colour, viridis5 } from './colours.js';


/**
 * Up to five classes of equal counts (quantiles) over the values, ordered from best to poorest outcome.
 * `worseIsHigher` says whether a higher value is a poorer outcome (a deprivation score) or a better one.
 * Returns [{ from, to, colour }] in legend order (best first) and `classOf(value)` (null for no value).
 */
export function classify(values, worseIsHigher = true) {
  const sorted = values.filter(v => v !== null && v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { classes: [], classOf: () => null };
  const distinct = [...new Set(sorted)];
  const count = Math.min(5, distinct.length);
  const upperBounds = [];
  for (let i = 1; i <= count; i++) {
    const bound = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / count) - 1)];
    if (!upperBounds.includes(bound)) upperBounds.push(bound);
  }
  const colours = spread(upperBounds.length);
  // Each class runs from the smallest value in it to the largest, so that no two classes overlap.
  const classes = upperBounds.map((to, i) => ({
    from: i === 0 ? sorted[0] : sorted.find(v => v > upperBounds[i - 1]),
    to,
    colour: worseIsHigher ? colours[i] : colours[upperBounds.length - 1 - i],
    index: i,
  }));
  const classOf = value => {
    if (value === null || value === undefined || Number.isNaN(value)) return null;
    return classes.find(c => value <= c.to) ?? classes[classes.length - 1];
  };
  // Legend order: best outcome first.
  const legend = worseIsHigher ? classes : [...classes].reverse();
  return { classes: legend, classOf };
}

/** n colours from viridis5, keeping the two ends. */
function spread(n) {
  const all = viridis5();
  if (n >= 5) return all;
  if (n === 1) return [all[4]];
  return Array.from({ length: n }, (_, i) => all[Math.round((i * 4) / (n - 1))]);
}

/** Black or white text, whichever reads on the colour. */
export function textOn(colour) {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(colour.slice(i, i + 2), 16) / 255)
    .map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? colour('ink') : colour('paper');
}
