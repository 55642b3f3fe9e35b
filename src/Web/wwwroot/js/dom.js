// Builds DOM nodes from data. Text always goes in as text (never as HTML), so names coming
// from the data, such as a ward called "<script>", are shown as they are and never run.

/**
 * h('p', { class: 'note' }, 'text', child) — attributes: `class`, `text`, `on<event>` handlers,
 * `style` as an object of CSS properties, boolean true for a bare attribute, false/null/undefined
 * to leave it out, anything else as a string.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (name === 'style') {
      setStyle(element, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/**
 * Styles go through the CSSOM (element.style), which the Content-Security-Policy allows; a `style`
 * attribute is inline style, which `style-src 'self'` blocks, so a string is refused here.
 */
function setStyle(element, style) {
  if (typeof style !== 'object') throw new TypeError('style must be an object of CSS properties: a style attribute breaks the page\'s Content-Security-Policy');
  for (const [property, value] of Object.entries(style)) {
    if (value !== null && value !== undefined) element.style.setProperty(property, String(value));
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The visible "Sample" badge that every piece of sample content carries. */
export function sampleBadge(isSample) {
  return isSample ? h('span', { class: 'badge badge-sample', title: 'Sample content, not real data' }, 'Sample') : null;
}

/** A short note, e.g. for a panel whose data is not loaded for the district. */
export function note(text, className = 'note') {
  return h('p', { class: className }, text);
}

/** Escapes text for the few Leaflet APIs that take HTML strings (layer names, attribution). */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers read a repeated message again.
  setTimeout(() => { region.textContent = message; }, 50);
}
