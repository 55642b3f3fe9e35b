// The map's colours, from the stylesheet's custom properties (css/site.css :root): one palette for
// the page, the map and its legends.

/** The value of the CSS custom property `--name`, such as colour('walking'). */
export function colour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
}

/** The five viridis classes, best outcome (light) first. */
export const viridis5 = () => [1, 2, 3, 4, 5].map(i => colour(`viridis-${i}`));
