/*
 * The survey response page's ranking, enhanced: without JavaScript members give each ticked item a
 * number in a select; with it, the ticked items appear as a list to put in order with Move up / Move
 * down buttons, and the script keeps the same selects filled in (1 = first), so the server receives
 * the same form either way. Served by the app (no CDN); no dependencies.
 */
(function () {
  'use strict';
  var form = document.querySelector('[data-survey-form]');
  var selects = form && form.querySelector('[data-rank-selects]');
  var list = form && form.querySelector('[data-rank-list]');
  if (!form || !selects || !list) {
    return;
  }
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="held"]'));
  var keys = boxes.map(function (box) {
    return box.value;
  });
  var labels = {};
  boxes.forEach(function (box) {
    var label = form.querySelector('label[for="held-' + box.value + '"]');
    labels[box.value] = label ? label.textContent.trim() : box.value;
  });
  var select = function (key) {
    return form.querySelector('#rank-' + key);
  };
  var rankOf = function (key) {
    var value = Number(select(key).value);
    return value > 0 ? value : Infinity;
  };

  // Start from what the page shows: ranked items by their number, then the rest in display order.
  var order = keys
    .filter(function (key, index) {
      return boxes[index].checked;
    })
    .sort(function (a, b) {
      return rankOf(a) - rankOf(b) || keys.indexOf(a) - keys.indexOf(b);
    });

  var live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  list.parentNode.appendChild(live);

  function button(key, move, text, disabled) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = text;
    b.setAttribute('data-move', move);
    b.setAttribute('data-key', key);
    b.setAttribute('aria-label', (move === 'up' ? 'Move up: ' : 'Move down: ') + labels[key]);
    b.disabled = disabled;
    return b;
  }

  function render() {
    keys.forEach(function (key) {
      var position = order.indexOf(key);
      select(key).value = position < 0 ? '' : String(position + 1);
    });
    list.textContent = '';
    if (order.length === 0) {
      var empty = document.createElement('p');
      empty.className = 'muted';
      empty.textContent = 'Tick the functions above that are yours; they appear here to put in order.';
      list.appendChild(empty);
      return;
    }
    var ol = document.createElement('ol');
    ol.className = 'rank-list';
    order.forEach(function (key, index) {
      var li = document.createElement('li');
      var position = document.createElement('span');
      position.className = 'rank-position';
      position.setAttribute('aria-hidden', 'true');
      position.textContent = String(index + 1);
      var text = document.createElement('span');
      text.className = 'rank-label';
      text.textContent = labels[key];
      var buttons = document.createElement('span');
      buttons.className = 'rank-buttons';
      buttons.appendChild(button(key, 'up', '↑', index === 0));
      buttons.appendChild(button(key, 'down', '↓', index === order.length - 1));
      li.appendChild(position);
      li.appendChild(text);
      li.appendChild(buttons);
      ol.appendChild(li);
    });
    list.appendChild(ol);
  }

  list.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('button[data-move]') : null;
    if (!target) {
      return;
    }
    var key = target.getAttribute('data-key');
    var move = target.getAttribute('data-move');
    var from = order.indexOf(key);
    var to = move === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) {
      return;
    }
    order.splice(from, 1);
    order.splice(to, 0, key);
    render();
    live.textContent = labels[key] + ' is now number ' + (to + 1) + ' of ' + order.length + '.';
    var again = list.querySelector('button[data-key="' + key + '"][data-move="' + move + '"]');
    var other = list.querySelector('button[data-key="' + key + '"]:not([disabled])');
    (again && !again.disabled ? again : other || list).focus();
  });

  boxes.forEach(function (box) {
    box.addEventListener('change', function () {
      order = order.filter(function (key) {
        return key !== box.value;
      });
      if (box.checked) {
        order.push(box.value);
      }
      render();
    });
  });

  var hint = form.querySelector('[data-rank-hint]');
  if (hint) {
    hint.textContent =
      'The functions you ticked appear below. Put them in order with the arrows: the first is your organisation’s highest priority.';
  }
  selects.hidden = true;
  list.hidden = false;
  render();
})();
