/*
 * Kuibu: chapter 1's gradient descent on f(x) = x^2, with a slider for the learning rate.
 *
 * Every <div class="kuibu-descent" data-x0="3" data-steps="40"> becomes a slider for eta and a plot of
 * the walk x_{k+1} = x_k - eta f'(x_k), f'(x) = 2x, recomputed in the page on every move of the slider.
 * The computed x_0 ... x_n are also kept in the element's data-xs attribute (JSON), for the book's
 * browser test. Plain JavaScript and SVG, no library, works offline.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var LEFT = 56, RIGHT = 14, TOP = 14, BOTTOM = 40;

  /** x_0 = x0 and n steps of gradient descent on x^2: x <- x - eta * 2x, as GradientDescent.descend takes them. */
  function walk(x0, eta, n) {
    var xs = [x0];
    var x = x0;
    for (var k = 0; k < n; k++) {
      x = x - eta * (2 * x);
      xs.push(x);
    }
    return xs;
  }

  /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least v. */
  function niceCeil(v) {
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * p >= v * (1 - 1e-12)) return steps[i] * p;
    }
    return 10 * p;
  }

  function label(v) {
    if (v === 0) return '0';
    var a = Math.abs(v);
    return a >= 1e4 || a < 1e-3 ? v.toExponential(1).replace('e+', 'e') : String(Number(v.toPrecision(3)));
  }

  function node(tag, attrs, parent) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function build(root, index) {
    var x0 = Number(root.getAttribute('data-x0') || 3);
    var n = Number(root.getAttribute('data-steps') || 40);
    root.textContent = '';
    var title = document.createElement('p');
    title.className = 'kuibu-descent-title';
    title.textContent = 'Try any learning rate: the first ' + n + ' steps from x = ' + label(x0)
        + ', computed in your browser as you move the slider.';
    root.appendChild(title);
    var controls = document.createElement('div');
    controls.className = 'kuibu-descent-controls';
    var id = 'kuibu-eta-' + index;
    var name = document.createElement('label');
    name.htmlFor = id;
    name.textContent = 'Learning rate η';
    var slider = document.createElement('input');
    slider.type = 'range';
    slider.id = id;
    slider.min = root.getAttribute('data-min') || '0.01';
    slider.max = root.getAttribute('data-max') || '1.1';
    slider.step = root.getAttribute('data-step') || '0.01';
    slider.value = root.getAttribute('data-eta') || '0.1';
    var readout = document.createElement('span');
    readout.className = 'kuibu-descent-readout';
    controls.appendChild(name);
    controls.appendChild(slider);
    controls.appendChild(readout);
    var svg = node('svg', {role: 'img'});
    var note = document.createElement('p');
    note.className = 'kuibu-descent-note';
    root.appendChild(controls);
    root.appendChild(svg);
    root.appendChild(note);

    function draw() {
      // the plot as wide as the page allows, in CSS pixels, so that its labels keep their size on a phone
      var W = Math.max(300, Math.min(800, Math.round(svg.getBoundingClientRect().width) || 640));
      var H = Math.round(Math.max(220, Math.min(300, W * 0.47)));
      svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
      var eta = Number(slider.value);
      var xs = walk(x0, eta, n);
      root.setAttribute('data-eta', String(eta));
      root.setAttribute('data-xs', JSON.stringify(xs));
      var factor = 1 - 2 * eta;
      readout.textContent = 'η = ' + eta.toFixed(2) + ', each step multiplies x by 1\u00a0−\u00a02η\u00a0=\u00a0' + factor.toFixed(2);
      var fate = Math.abs(factor) < 1 ? (factor === 0 ? 'one step lands on the minimum' : factor > 0
          ? 'a steady approach from one side' : 'a zigzag that still closes in')
          : Math.abs(factor) === 1 ? 'a bounce between ' + label(x0) + ' and ' + label(-x0) + ' that never ends'
          : 'every step lands farther away: the walk diverges';
      note.textContent = 'x after ' + n + ' steps: ' + label(xs[n]) + '; ' + fate + '.';
      svg.setAttribute('aria-label', 'x against step number for η = ' + eta.toFixed(2) + ': ' + fate);

      var m = niceCeil(Math.max.apply(null, xs.map(Math.abs)));
      var px = function (k) { return LEFT + (W - LEFT - RIGHT) * k / n; };
      var py = function (x) { return TOP + (H - TOP - BOTTOM) * (m - x) / (2 * m); };
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var k, v;
      for (k = 0; k <= n; k += 10) {
        node('line', {'class': 'grid', x1: px(k), y1: TOP, x2: px(k), y2: H - BOTTOM}, svg);
        node('text', {x: px(k), y: H - BOTTOM + 18, 'text-anchor': 'middle'}, svg).textContent = String(k);
      }
      for (v = -m; v <= m * (1 + 1e-9); v += m / 2) {
        node('line', {'class': v === 0 ? 'axis' : 'grid', x1: LEFT, y1: py(v), x2: W - RIGHT, y2: py(v)}, svg);
        node('text', {x: LEFT - 6, y: py(v) + 4, 'text-anchor': 'end'}, svg).textContent = label(v);
      }
      node('line', {'class': 'axis', x1: LEFT, y1: TOP, x2: LEFT, y2: H - BOTTOM}, svg);
      node('text', {x: (LEFT + W - RIGHT) / 2, y: H - 6, 'text-anchor': 'middle'}, svg).textContent = 'step k';
      node('text', {x: 14, y: TOP + (H - TOP - BOTTOM) / 2, 'text-anchor': 'middle',
        transform: 'rotate(-90 14 ' + (TOP + (H - TOP - BOTTOM) / 2) + ')'}, svg).textContent = 'x';
      var points = xs.map(function (x, i) { return px(i).toFixed(2) + ',' + py(x).toFixed(2); }).join(' ');
      node('polyline', {'class': 'path', points: points}, svg);
      for (k = 0; k <= n; k++) {
        node('circle', {'class': 'point', cx: px(k).toFixed(2), cy: py(xs[k]).toFixed(2), r: 2.5}, svg);
      }
    }
    slider.addEventListener('input', draw);
    var width = root.clientWidth;
    window.addEventListener('resize', function () {
      if (root.clientWidth !== width) {
        width = root.clientWidth;
        draw();
      }
    });
    draw();
  }

  window.kuibuDescent = {walk: walk};
  var start = function () {
    var all = document.querySelectorAll('.kuibu-descent');
    for (var i = 0; i < all.length; i++) build(all[i], i);
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
