// A smoke pass in the two other engines readers use: Firefox (Gecko) and
// WebKit (every browser on an iPhone). The story page comes alive, a slider
// redraws its chart, an embed sizes itself, and nothing goes wrong on the
// way. The full tests run in Chromium; this pass catches what only another
// engine trips on (a WebAssembly or JavaScript feature, an event, a layout).
//
// An engine that is not installed is skipped, unless REQUIRE_ENGINES is set
// (scripts/test sets it, and scripts/ensure-tools --browser installs both).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './harness.mjs';
import { firefox, webkit, until } from './engines.mjs';

let site;
before(async () => {
  site = await serve();
});
after(async () => {
  await site?.close();
});

for (const kind of [firefox, webkit]) {
  test(`smoke pass in ${kind.name}`, { timeout: 120000 }, async (t) => {
    const missing = kind.missing();
    if (missing) {
      if (process.env.REQUIRE_ENGINES && process.env.REQUIRE_ENGINES !== '0') assert.fail(`${kind.name} is required (REQUIRE_ENGINES) but ${missing}`);
      t.skip(missing);
      return;
    }
    const engine = await kind.launch();
    t.diagnostic(`${engine.name} ${engine.version}`);
    try {
      await t.test('the story page comes alive', async () => {
        await engine.goto(site.url);
        const first = await engine.evaluate(() => {
          const calc = document.querySelector('.calc[id]');
          calc?.scrollIntoView();
          return calc?.id ?? null;
        });
        assert.ok(first, 'the story page has a calculator');
        await until(engine, (id) => document.getElementById(id)?.hasAttribute('data-live'), [first], { what: `#${first} to go live` });
        // The rest come alive as a reader scrolls down to each of them.
        await until(
          engine,
          () => {
            if (document.documentElement.hasAttribute('data-ready')) return true;
            document.querySelector('.calc[id]:not([data-live])')?.scrollIntoView();
            return false;
          },
          [],
          { what: '<html data-ready> (every calculator live)', timeout: 30000 },
        );
        const state = await engine.evaluate(() => ({
          calculators: document.querySelectorAll('.calc[id]').length,
          live: document.querySelectorAll('.calc[id][data-live]').length,
          charts: document.querySelectorAll('.calc[data-live] .chart-svg svg').length,
        }));
        assert.equal(state.live, state.calculators, 'every calculator is live');
        assert.ok(state.charts > 0, 'live calculators draw charts');
      });

      await t.test('a slider redraws its chart', async () => {
        const moved = await engine.evaluate(() => {
          const card = [...document.querySelectorAll('.calc[data-live]')].find((c) => c.querySelector('input[type=range]') && c.querySelector('.chart-svg svg'));
          if (!card) return null;
          const slider = card.querySelector('input[type=range]');
          const chart = card.querySelector('.chart-svg');
          window.__chartBefore = chart.innerHTML;
          const [min, max, from] = [Number(slider.min || 0), Number(slider.max || 100), Number(slider.value)];
          // A quarter of the way in from the end the value is further from.
          slider.value = String(from - min > (max - min) / 2 ? min + (max - min) / 4 : max - (max - min) / 4);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          slider.dispatchEvent(new Event('change', { bubbles: true }));
          return { card: card.id, slider: slider.id, from, to: Number(slider.value) };
        });
        assert.ok(moved, 'a live calculator has a slider and a chart');
        assert.notEqual(moved.to, moved.from, `#${moved.slider} took a new value`);
        await until(
          engine,
          (id) => {
            const chart = document.querySelector(`#${id} .chart-svg`);
            return !!chart?.querySelector('svg') && chart.innerHTML !== window.__chartBefore;
          },
          [moved.card],
          { what: `the chart of #${moved.card} to follow #${moved.slider} from ${moved.from} to ${moved.to}`, timeout: 10000 },
        );
      });

      await t.test('an embed reports its height to the page around it', async (st) => {
        await engine.goto(`${site.url}embed-example.html`);
        const frames = await engine.evaluate(() => document.querySelectorAll('iframe[data-china-ai-widget]').length);
        assert.ok(frames > 0, 'embed-example.html embeds widgets');
        for (let i = 0; i < frames; i++) {
          // Lazy frames load, and report, only near the view.
          const height = await until(
            engine,
            (index) => {
              const frame = document.querySelectorAll('iframe[data-china-ai-widget]')[index];
              frame.scrollIntoView();
              // embed.js sets the style when the widget reports; the snippet sets only the attribute.
              const set = frame.style.height;
              return set && parseFloat(set) > 300 && parseFloat(set) < 5000 ? set : false;
            },
            [i],
            { what: `iframe ${i} to take the height its widget reports` },
          );
          // The widget inside is the live one, not the placeholder.
          const inside = await until(
            engine,
            (index) => {
              const doc = document.querySelectorAll('iframe[data-china-ai-widget]')[index].contentDocument;
              return doc?.documentElement.hasAttribute('data-ready') && !!doc.querySelector('.calc .chart-svg svg') && doc.title;
            },
            [i],
            { what: `the widget in iframe ${i} to be live`, timeout: 10000 },
          );
          st.diagnostic(`iframe ${i} (${inside}): ${height}`);
        }
      });

      await t.test('no page errors', async () => {
        assert.deepEqual(await engine.problems(), []);
      });
    } finally {
      await engine.close();
    }
  });
}
