// Postcode and place search (GET /api/search) in the page's header, as an ARIA combobox: a labelled
// input, a listbox of results, arrow keys to move, Enter to choose, Escape to close (or, closed, to
// clear), and a live region that says how many were found. The API is asked as the user types, a
// moment after the last key, with at most one request in flight; the latest text is asked next.
// Where the API says postcodes or names are not loaded, the box shows what it says.
import { ApiError, getJson, query } from '../api.js';
import { h, replace } from '../dom.js';

const waitMs = 250;
const minLength = 2;
const limit = 8;

/** What a result is, after its name: "Postcode, Oak ward", "Town, Oak ward", "Postcode area, 3 postcodes", "Ward". */
function detail(result) {
  const where = result.ward ? `${result.ward.name} ward` : result.district?.name;
  switch (result.kind) {
    case 'postcode': return ['Postcode', where].filter(Boolean).join(', ');
    case 'postcode-area': return ['Postcode area', result.type, where].filter(Boolean).join(', ');
    case 'ward': return result.district?.name ? `Ward, ${result.district.name}` : 'Ward';
    case 'district': return 'District';
    default: return [result.type, where].filter(Boolean).join(', ');
  }
}

/** The API's word for why nothing could be found, or null when it found what was there to search. */
function noteOf(answer) {
  if (answer.interpretedAs !== 'name' && !answer.postcodes.loaded) return answer.postcodes.note;
  if (answer.results.length > 0) return null;
  if (answer.interpretedAs === 'name' && !answer.names.loaded) return `Nothing matches “${answer.query}”. ${answer.names.note}`;
  return `Nothing matches “${answer.query}”. Try another spelling, or a postcode such as the start of yours.`;
}

/**
 * Wires the search box in `root` (index.html's #place-search: its combobox input, listbox, note and
 * status). `onChoose(result)` gets the result chosen, with its `lon`, `lat`, `kind` and `name`.
 */
export function createPlaceSearch(root, { district, onChoose }) {
  const input = root.querySelector('[role="combobox"]');
  const list = root.querySelector('[role="listbox"]');
  const noteElement = root.querySelector('.place-search-note');
  const status = root.querySelector('.place-search-status');
  let results = [];
  let shownFor = null;
  let active = -1;
  let timer = 0;
  let inFlight = false;
  let wanted = '';
  let chooseWhenShown = false;

  const text = () => input.value.trim();

  function setActive(index) {
    active = index;
    [...list.children].forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const option = list.children[index];
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  function open(isOpen) {
    list.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  }

  function close() {
    open(false);
    noteElement.hidden = true;
  }

  function say(message) {
    // Cleared first, so a repeated message is read again.
    status.textContent = '';
    setTimeout(() => { status.textContent = message; }, 50);
  }

  function showNote(message) {
    replace(noteElement, message ?? '');
    noteElement.hidden = !message;
  }

  function show(answer, asked) {
    results = answer.results;
    shownFor = asked;
    replace(list, results.map((result, i) => h('li', {
      id: `place-search-option-${i}`, role: 'option', 'aria-selected': 'false', class: 'place-search-option', 'data-index': i,
    }, h('span', { class: 'place-search-name' }, result.name), ' ', h('span', { class: 'place-search-detail' }, detail(result)))));
    setActive(-1);
    open(results.length > 0 && document.activeElement === input);
    const note = noteOf(answer);
    showNote(note);
    const found = `${results.length} result${results.length === 1 ? '' : 's'}`;
    say(note ? `${results.length ? `${found}. ` : ''}${note}` : `${found}; use the up and down arrows to choose one.`);
    if (chooseWhenShown) {
      chooseWhenShown = false;
      if (results.length > 0) choose(0);
    }
  }

  function showError(error) {
    results = [];
    shownFor = null;
    replace(list);
    open(false);
    const message = error instanceof ApiError && error.status === 400 && error.detail
      ? error.detail
      : 'The search could not be made just now. Try again later.';
    showNote(message);
    say(message);
  }

  /** Asks for the latest text, unless a request is in flight: then that request's end asks again. */
  async function ask() {
    if (inFlight) return;
    const asked = wanted;
    if (asked.length < minLength) {
      results = [];
      shownFor = null;
      chooseWhenShown = false;
      replace(list);
      close();
      return;
    }
    if (asked === shownFor) {
      if (chooseWhenShown) { chooseWhenShown = false; choose(0); }
      return;
    }
    inFlight = true;
    let answer = null;
    let failure = null;
    try {
      answer = await getJson(query('/api/search', { q: asked, district, limit }));
    } catch (error) {
      failure = error;
    }
    inFlight = false;
    if (wanted !== asked) {
      ask();
      return;
    }
    if (failure) {
      showError(failure);
      return;
    }
    show(answer, asked);
  }

  /** Asks at once for what is typed (Enter or an arrow key before the pause after typing). */
  function askNow() {
    clearTimeout(timer);
    wanted = text();
    ask();
  }

  function choose(index) {
    const result = results[index];
    if (!result) return;
    input.value = result.name;
    wanted = text();
    shownFor = wanted;
    close();
    say(`${result.name} chosen.`);
    onChoose(result);
  }

  function move(step) {
    if (shownFor !== text()) {
      askNow();
      return;
    }
    if (results.length === 0) return;
    open(true);
    setActive(active < 0 ? (step > 0 ? 0 : results.length - 1) : (active + step + results.length) % results.length);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    chooseWhenShown = false;
    timer = setTimeout(askNow, waitMs);
  });
  input.addEventListener('keydown', event => {
    switch (event.key) {
      case 'ArrowDown': event.preventDefault(); move(1); break;
      case 'ArrowUp': event.preventDefault(); move(-1); break;
      case 'Enter':
        event.preventDefault();
        if (active >= 0) choose(active);
        else if (shownFor === text() && !inFlight) choose(0);
        else if (text().length >= minLength) { chooseWhenShown = true; askNow(); }
        break;
      case 'Escape':
        if (!list.hidden || !noteElement.hidden) close();
        else input.value = '';
        event.preventDefault();
        break;
      default: break;
    }
  });
  // A click on a result chooses it; pressing on the list keeps the focus in the input.
  list.addEventListener('mousedown', event => event.preventDefault());
  list.addEventListener('click', event => {
    const option = event.target.closest('[role="option"]');
    if (option) choose(Number(option.dataset.index));
  });
  root.addEventListener('focusout', event => { if (!root.contains(event.relatedTarget)) close(); });
  input.addEventListener('focus', () => { if (shownFor === text() && results.length > 0) open(true); });

  // Text typed before this module was loaded is searched for now.
  if (text()) askNow();
}
