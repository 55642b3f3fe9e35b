// The panels beside the map as ARIA tabs: Left/Right/Home/End move between tabs, Tab enters the panel.
export function createTabs(tablist, onSelect) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  let active = null;

  const select = (id, { focus = false, silent = false } = {}) => {
    const tab = tabs.find(t => t.dataset.panel === id) ?? tabs[0];
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    const changed = active !== tab.dataset.panel;
    active = tab.dataset.panel;
    if (changed && !silent) onSelect(active);
  };

  tablist.addEventListener('click', event => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) select(tab.dataset.panel);
  });
  tablist.addEventListener('keydown', event => {
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length].dataset.panel, { focus: true });
  });

  return { select, active: () => active, title: id => tabs.find(t => t.dataset.panel === id)?.textContent ?? id };
}
