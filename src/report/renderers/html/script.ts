/**
 * The report's only script, inlined. It marks each chart `data-drawn="true"` once the browser has laid it
 * out with visible marks (so a test, or a reader, can tell every chart drew), counts them on <html>, and
 * shows a tooltip for anything with `data-tip`.
 */
export const SCRIPT = `
(function () {
  var charts = document.querySelectorAll('[data-chart]');
  var drawn = 0;
  charts.forEach(function (chart) {
    var marks = chart.querySelectorAll('.mark');
    var ok = marks.length > 0;
    marks.forEach(function (m) {
      var b = m.getBBox();
      if (!(b.width > 0 || b.height > 0)) ok = false;
    });
    chart.setAttribute('data-drawn', ok ? 'true' : 'false');
    if (ok) drawn++;
  });
  document.documentElement.setAttribute('data-charts', String(charts.length));
  document.documentElement.setAttribute('data-charts-drawn', String(drawn));
  var tip = document.getElementById('tip');
  document.addEventListener('mousemove', function (e) {
    var t = e.target && e.target.closest ? e.target.closest('[data-tip]') : null;
    if (!t) { tip.style.display = 'none'; return; }
    tip.textContent = t.getAttribute('data-tip');
    tip.style.display = 'block';
    tip.style.left = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8) + 'px';
    tip.style.top = (e.clientY + 14) + 'px';
  });
})();
`;
