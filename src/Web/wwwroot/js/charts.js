// Charts drawn by Chart.js (served through LibMan as wwwroot/lib/chart.js, the global Chart) from the
// table behind each chart: the numbers a screen reader reads, a person copies and a printout shows are
// the numbers drawn. A figure holds a canvas and a table; its data-chart says how to draw it.
//
// The table: the first column labels the x axis; each other column is a series, named by its header,
// whose cells carry the number in data-value (empty for none). A header's data-key picks its colour.

const colours = {
  green: '#1e6b34', amber: '#c98a00', red: '#b3261e', none: '#8a9199',
  ward: '#440154', district: '#21918c', target: '#d55e00',
};
const seriesPalette = ['#440154', '#3b528b', '#5ec962', '#b5367a', '#8a5a00', '#0b5cad'];

/** The labels and series of a chart's table. */
export function tableData(table) {
  const headers = [...table.tHead.rows[0].cells].slice(1);
  const rows = [...table.tBodies[0].rows];
  return {
    labels: rows.map(r => r.cells[0].textContent.trim()),
    series: headers.map((th, i) => ({
      name: th.textContent.trim(),
      key: th.dataset.key ?? '',
      values: rows.map(r => {
        const raw = r.cells[i + 1]?.dataset.value;
        return raw === undefined || raw === '' ? null : Number(raw);
      }),
    })),
  };
}

function colourOf(series, index) {
  return colours[series.key] ?? seriesPalette[index % seriesPalette.length];
}

function lineDataset(series, index) {
  const colour = colourOf(series, index);
  const target = series.key === 'target';
  return {
    label: series.name, data: series.values, borderColor: colour, backgroundColor: colour, spanGaps: true,
    borderWidth: target ? 1.5 : 2.5, borderDash: target ? [3, 3] : series.key === 'district' ? [6, 3] : [], pointRadius: target ? 0 : 3,
  };
}

function barDataset(series, index) {
  return { label: series.name, data: series.values, backgroundColor: colourOf(series, index), stack: 'all' };
}

let loading;

/**
 * Chart.js, loaded on first use: the map page draws a chart only when a ward profile opens, so its first
 * load does not carry it. Until it arrives, and if it cannot, the table behind the chart stands in.
 */
export function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/lib/chart.js/chart.umd.min.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = () => { loading = undefined; reject(new Error('Chart.js could not be loaded')); };
    document.head.append(script);
  });
  return loading;
}

/** Draws the chart of a figure (canvas and table inside it); returns the Chart, or null without Chart.js. */
export function drawChart(figure) {
  const canvas = figure.querySelector('canvas');
  const table = figure.querySelector('table');
  if (!window.Chart || !canvas || !table) return null;
  const stacked = figure.dataset.chart === 'stacked-bar';
  const { labels, series } = tableData(table);
  return new window.Chart(canvas, {
    type: stacked ? 'bar' : 'line',
    data: { labels, datasets: series.map(stacked ? barDataset : lineDataset) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      scales: stacked
        ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
        : { y: { beginAtZero: false } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
    },
  });
}

/** Draws every chart figure under a root. */
export function drawCharts(root = document) {
  return [...root.querySelectorAll('figure[data-chart]')].map(drawChart);
}
