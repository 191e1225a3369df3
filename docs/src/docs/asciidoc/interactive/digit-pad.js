/*
 * Kuibu: draw a digit, and the network of chapter 5 reads it, in the page.
 *
 * Every <div class="kuibu-digit-pad"> becomes a drawing pad. What it draws is turned into the network's
 * 784 inputs exactly as `kuibu-mnist.jar predict` does it (kuibu.mnist.data.DigitImages.toMnist):
 * the ink's bounding box, scaled to fit 20 x 20 (bilinear, the same fixed-point arithmetic as Java 2D),
 * placed in 28 x 28 with its centre of mass in the middle. The network is the model the book's build
 * wrote into interactive/digit-model.js (the weights and biases of a model file, weights[l][j][k]),
 * and its forward pass is chapter 4's, in the same order of sums as kuibu.mnist.Network.feedforward.
 *
 * Plain JavaScript, no library, works offline. Each pad element gets a property `kuibu` with the last
 * inputs, outputs, shares and guess, for the book's browser test.
 */
(function () {
  'use strict';

  var SIDE = 280;          // the drawing canvas, in its own pixels (CSS scales it to the page)
  var STROKE = 18;         // pen width in those pixels: about MNIST's strokes once scaled to 20 x 20
  var TWO32 = 4294967296;  // Java 2D's fixed point: 32.32 in a long
  var HALF = 2147483648;

  /** The 784 MNIST-style inputs of an RGBA picture, as DigitImages.toMnist computes them. */
  function toMnist(rgba, w, h) {
    var grey = new Float64Array(w * h);
    var mean = 0;
    var i, x, y;
    for (i = 0; i < w * h; i++) {
      var alpha = rgba[4 * i + 3] / 255;
      var luminance = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
      grey[i] = alpha * luminance + (1 - alpha);   // transparent pixels count as white paper
      mean += grey[i];
    }
    mean /= grey.length;
    var darkInk = mean > 0.5;
    var left = w, right = -1, top = h, bottom = -1;
    for (y = 0; y < h; y++) {
      for (x = 0; x < w; x++) {
        var ink = darkInk ? 1 - grey[y * w + x] : grey[y * w + x];
        grey[y * w + x] = ink;
        if (ink > 0.2) {
          if (x < left) left = x;
          if (x > right) right = x;
          if (y < top) top = y;
          if (y > bottom) bottom = y;
        }
      }
    }
    var out = new Array(784).fill(0);
    if (right < 0) {
      return out;
    }
    var bw = right - left + 1;
    var bh = bottom - top + 1;
    var scale = 20.0 / Math.max(bw, bh);
    var sw = Math.max(1, Math.round(bw * scale));
    var sh = Math.max(1, Math.round(bh * scale));
    var box = new Uint8Array(bw * bh);   // the ink in the bounding box, as a grey byte image
    for (y = 0; y < bh; y++) {
      for (x = 0; x < bw; x++) {
        box[y * bw + x] = Math.round(255 * Math.max(0, Math.min(1, grey[(top + y) * w + left + x])));
      }
    }
    var small = scaleBilinear(box, bw, bh, sw, sh);
    var mass = 0, cx = 0, cy = 0;
    for (y = 0; y < sh; y++) {
      for (x = 0; x < sw; x++) {
        var v = small[y * sw + x] / 255.0;
        mass += v;
        cx += v * x;
        cy += v * y;
      }
    }
    var dx = mass === 0 ? Math.floor((28 - sw) / 2) : Math.round(14 - cx / mass - 0.5);
    var dy = mass === 0 ? Math.floor((28 - sh) / 2) : Math.round(14 - cy / mass - 0.5);
    for (y = 0; y < sh; y++) {
      for (x = 0; x < sw; x++) {
        var tx = x + dx, ty = y + dy;
        if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28) {
          out[ty * 28 + tx] = small[y * sw + x] / 255.0;
        }
      }
    }
    return out;
  }

  /**
   * Graphics2D.drawImage(box, 0, 0, sw, sh) with bilinear interpolation, as Java 2D's software loops do
   * it: each target pixel's centre mapped back through the inverse scale in 32.32 fixed point, the four
   * source pixels around it (edges repeated), weights of 8 bits, rounded.
   */
  function scaleBilinear(src, bw, bh, sw, sh) {
    var dxdx = 1 / (sw / bw);
    var dydy = 1 / (sh / bh);
    var dxdxLong = Math.trunc(dxdx * TWO32);
    var dydyLong = Math.trunc(dydy * TWO32);
    var xbase = Math.trunc(0.5 * dxdx * TWO32);
    var ybase = Math.trunc(0.5 * dydy * TWO32);
    var out = new Uint8Array(sw * sh);
    for (var y = 0; y < sh; y++) {
      var ylong = ybase + y * dydyLong;
      if (Math.floor(ylong / TWO32) >= bh) continue;
      var yl = ylong - HALF;
      var y0 = Math.floor(yl / TWO32);
      var yf = Math.floor((yl - y0 * TWO32) / 16777216);
      var y1 = y0 + 1;
      if (y0 < 0) { y0 = 0; y1 = 0; }
      if (y1 > bh - 1) { y1 = bh - 1; }
      for (var x = 0; x < sw; x++) {
        var xlong = xbase + x * dxdxLong;
        if (Math.floor(xlong / TWO32) >= bw) continue;
        var xl = xlong - HALF;
        var x0 = Math.floor(xl / TWO32);
        var xf = Math.floor((xl - x0 * TWO32) / 16777216);
        var x1 = x0 + 1;
        if (x0 < 0) { x0 = 0; x1 = 0; }
        if (x1 > bw - 1) { x1 = bw - 1; }
        var a = src[y0 * bw + x0], b = src[y0 * bw + x1], c = src[y1 * bw + x0], d = src[y1 * bw + x1];
        var top = (a << 8) + (b - a) * xf;
        var bottom = (c << 8) + (d - c) * xf;
        var v = (top << 8) + (bottom - top) * yf;
        out[y * sw + x] = (v + 32768) >> 16;
      }
    }
    return out;
  }

  var ACTIVATIONS = {
    sigmoid: function (z) { return 1 / (1 + Math.exp(-z)); },
    tanh: function (z) { return Math.tanh(z); },
    relu: function (z) { return Math.max(0, z); },
    identity: function (z) { return z; }
  };

  function softmax(z) {
    var max = -Infinity, sum = 0, j;
    for (j = 0; j < z.length; j++) max = Math.max(max, z[j]);
    var a = new Array(z.length);
    for (j = 0; j < z.length; j++) { a[j] = Math.exp(z[j] - max); sum += a[j]; }
    for (j = 0; j < z.length; j++) a[j] /= sum;
    return a;
  }

  /** The network's outputs for 784 inputs: a = σ(Wa + b) layer by layer, the last with the model's output function. */
  function feedforward(model, x) {
    var a = x;
    var layers = model.weights.length;
    for (var l = 0; l < layers; l++) {
      var w = model.weights[l];
      var z = model.biases[l].slice();
      for (var k = 0; k < a.length; k++) {
        var ak = a[k];
        for (var j = 0; j < z.length; j++) {
          z[j] += ak * w[j][k];
        }
      }
      if (l === layers - 1) {
        a = model.output === 'softmax' ? softmax(z) : z.map(ACTIVATIONS.sigmoid);
      } else {
        a = z.map(ACTIVATIONS[model.activation]);
      }
    }
    return a;
  }

  /** The outputs as shares that add up to 1, as `predict` prints them (softmax outputs already are). */
  function shares(model, a) {
    if (model.output === 'softmax') return a.slice();
    var sum = a.reduce(function (s, v) { return s + v; }, 0);
    return a.map(function (v) { return sum === 0 ? 0 : v / sum; });
  }

  function argmax(values) {
    var best = 0;
    for (var j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
    return best;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function build(root) {
    var model = window.kuibuDigitModel;
    root.textContent = '';
    if (!model) {
      root.appendChild(el('p', 'kuibu-pad-model', 'The network for this pad (interactive/digit-model.js) did not load.'));
      return;
    }
    var pad = el('div', 'kuibu-pad-draw');
    var canvas = el('canvas', 'kuibu-pad-canvas');
    canvas.width = SIDE;
    canvas.height = SIDE;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Drawing area: draw one digit with the mouse or a finger');
    var tools = el('div', 'kuibu-pad-tools');
    var clear = el('button', 'kuibu-pad-clear', 'Clear');
    clear.type = 'button';
    tools.appendChild(clear);
    tools.appendChild(el('span', 'kuibu-pad-hint', 'Draw one digit, large, in the box.'));
    pad.appendChild(canvas);
    pad.appendChild(tools);
    if (model.warning) {
      pad.appendChild(el('p', 'kuibu-pad-warning', model.warning));
    }

    var result = el('div', 'kuibu-pad-result');
    var guessLine = el('div', 'kuibu-pad-guess');
    guessLine.appendChild(document.createTextNode('Guess: '));
    var guess = el('span', 'kuibu-pad-digit', '–');
    guessLine.appendChild(guess);
    var seenBox = el('div', 'kuibu-pad-seen');
    var seen = el('canvas', 'kuibu-pad-input');
    seen.width = 28;
    seen.height = 28;
    seenBox.appendChild(seen);
    seenBox.appendChild(el('span', null, 'what the network sees: 28 × 28 inputs'));
    var bars = el('div', 'kuibu-pad-bars');
    bars.setAttribute('aria-live', 'polite');
    var fills = [], values = [], rows = [];
    for (var d = 0; d < 10; d++) {
      var row = el('div', 'kuibu-pad-bar');
      row.appendChild(el('span', 'kuibu-pad-label', String(d)));
      var track = el('span', 'kuibu-pad-track');
      var fill = el('span', 'kuibu-pad-fill');
      track.appendChild(fill);
      row.appendChild(track);
      var value = el('span', 'kuibu-pad-value', '');
      row.appendChild(value);
      bars.appendChild(row);
      fills.push(fill);
      values.push(value);
      rows.push(row);
    }
    result.appendChild(guessLine);
    result.appendChild(bars);
    result.appendChild(seenBox);

    var about = el('p', 'kuibu-pad-model', model.description);
    root.appendChild(pad);
    root.appendChild(result);
    root.appendChild(about);

    var g = canvas.getContext('2d', {willReadFrequently: true});
    var state = {inputs: null, outputs: null, shares: null, guess: null, strokes: 0};
    root.kuibu = state;
    state.bitmap = function () { return canvas.toDataURL('image/png'); };

    function blank() {
      g.fillStyle = '#fff';
      g.fillRect(0, 0, SIDE, SIDE);
      state.strokes = 0;
      read();
    }

    function read() {
      var x = toMnist(g.getImageData(0, 0, SIDE, SIDE).data, SIDE, SIDE);
      var empty = x.every(function (v) { return v === 0; });
      var a = feedforward(model, x);
      var p = shares(model, a);
      state.inputs = x;
      state.outputs = empty ? null : a;
      state.shares = empty ? null : p;
      state.guess = empty ? null : argmax(a);
      root.setAttribute('data-guess', empty ? '' : String(state.guess));
      guess.textContent = empty ? '–' : String(state.guess);
      for (var j = 0; j < 10; j++) {
        fills[j].style.width = empty ? '0' : (100 * p[j]).toFixed(1) + '%';
        values[j].textContent = empty ? '' : (100 * p[j]).toFixed(1) + '%';
        rows[j].classList.toggle('kuibu-pad-best', !empty && j === state.guess);
      }
      var s = seen.getContext('2d');
      var img = s.createImageData(28, 28);
      for (var i = 0; i < 784; i++) {
        var v = 255 - Math.round(255 * x[i]);   // dark ink on white, as the chapter's figures show digits
        img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = v;
        img.data[4 * i + 3] = 255;
      }
      s.putImageData(img, 0, 0);
    }

    var pending = false;
    function readSoon() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; read(); });
    }

    var drawing = null;
    function at(e) {
      var r = canvas.getBoundingClientRect();
      return [(e.clientX - r.left) * SIDE / r.width, (e.clientY - r.top) * SIDE / r.height];
    }
    function line(from, to) {
      g.strokeStyle = '#000';
      g.lineWidth = STROKE;
      g.lineCap = 'round';
      g.lineJoin = 'round';
      g.beginPath();
      g.moveTo(from[0], from[1]);
      g.lineTo(to[0], to[1]);
      g.stroke();
    }
    canvas.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      drawing = {id: e.pointerId, last: at(e)};
      line(drawing.last, drawing.last);
      state.strokes++;
      readSoon();
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!drawing || e.pointerId !== drawing.id) return;
      e.preventDefault();
      var events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
      if (events.length === 0) events = [e];
      for (var i = 0; i < events.length; i++) {
        var p = at(events[i]);
        line(drawing.last, p);
        drawing.last = p;
      }
      readSoon();
    });
    function end(e) {
      if (!drawing || e.pointerId !== drawing.id) return;
      drawing = null;
      read();
    }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    clear.addEventListener('click', blank);
    blank();
  }

  window.kuibuDigitPad = {toMnist: toMnist, feedforward: feedforward, shares: shares, argmax: argmax};
  if (typeof document !== 'undefined') {
    var start = function () {
      var pads = document.querySelectorAll('.kuibu-digit-pad');
      for (var i = 0; i < pads.length; i++) build(pads[i]);
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      start();
    }
  }
})();
