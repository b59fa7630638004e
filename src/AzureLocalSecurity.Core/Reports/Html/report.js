(function () {
  'use strict';
  var STATUSES = ['Compliant', 'NonCompliant', 'NotApplicable', 'Unknown', 'Error'];
  var SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Informational'];
  var COLUMNS = ['nodeName', 'id', 'title', 'area', 'status', 'severity', 'expected', 'actual', 'source', 'reason', 'remediation', 'references'];
  var FILTERS = { status: 'f-status', severity: 'f-severity', area: 'f-area', node: 'f-node' };
  var FIELD = { status: 'status', severity: 'severity', area: 'area', node: 'nodeName' };

  var report = JSON.parse(document.getElementById('alsec-report-data').textContent);
  var results = report.results;

  function byId(id) { return document.getElementById(id); }
  function setText(id, value) { byId(id).textContent = String(value); }
  function cell(result, key) {
    var value = result[key];
    if (key === 'references') { return (value || []).join('; '); }
    return value === null || value === undefined ? '' : String(value);
  }

  // Summary counts, counted here from the results themselves.
  setText('count-total', results.length);
  STATUSES.forEach(function (status) {
    setText('count-' + status, results.filter(function (r) { return r.status === status; }).length);
  });
  var percent = report.summary.compliancePercent;
  setText('compliance', percent === null ? 'n/a' : percent + '%');

  function distinct(key) {
    var seen = {};
    var list = [];
    results.forEach(function (r) {
      if (!Object.prototype.hasOwnProperty.call(seen, r[key])) { seen[r[key]] = true; list.push(r[key]); }
    });
    return list.sort();
  }

  function addOption(select, value) {
    var option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    select.appendChild(option);
  }

  var choices = { status: STATUSES, severity: SEVERITIES, area: distinct('area'), node: distinct('nodeName') };
  Object.keys(FILTERS).forEach(function (name) {
    choices[name].forEach(function (value) { addOption(byId(FILTERS[name]), value); });
  });

  var tbody = byId('results-body');
  var rows = results.map(function (result, index) {
    var tr = document.createElement('tr');
    tr.className = 'result status-' + result.status;
    var search = [];
    COLUMNS.forEach(function (key) {
      var td = document.createElement('td');
      var text = cell(result, key);
      td.textContent = text;
      if (key === 'status' || key === 'severity') { td.className = key + ' ' + key + '-' + text; }
      tr.appendChild(td);
      search.push(text.toLowerCase());
    });
    tbody.appendChild(tr);
    return { tr: tr, result: result, index: index, search: search.join('\n') };
  });

  function apply() {
    var wanted = {};
    Object.keys(FILTERS).forEach(function (name) { wanted[name] = byId(FILTERS[name]).value; });
    var query = byId('f-text').value.toLowerCase();
    var visible = 0;
    rows.forEach(function (row) {
      var show = Object.keys(FILTERS).every(function (name) {
        return wanted[name] === '' || row.result[FIELD[name]] === wanted[name];
      }) && (query === '' || row.search.indexOf(query) >= 0);
      row.tr.hidden = !show;
      if (show) { visible++; }
    });
    setText('visible-count', visible);
  }

  function select(name, value) {
    var element = byId(FILTERS[name]);
    var known = Array.prototype.some.call(element.options, function (o) { return o.value === value; });
    if (!known) { addOption(element, value); }
    element.value = value;
  }

  function decode(text) {
    try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (e) { return text; }
  }

  function readFragment() {
    Object.keys(FILTERS).forEach(function (name) { byId(FILTERS[name]).value = ''; });
    byId('f-text').value = '';
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq <= 0) { return; }
      var key = decode(part.slice(0, eq));
      var value = decode(part.slice(eq + 1));
      if (Object.prototype.hasOwnProperty.call(FILTERS, key)) { select(key, value); }
      if (key === 'q') { byId('f-text').value = value; }
    });
    apply();
  }

  function writeFragment() {
    var parts = [];
    Object.keys(FILTERS).forEach(function (name) {
      var value = byId(FILTERS[name]).value;
      if (value !== '') { parts.push(name + '=' + encodeURIComponent(value)); }
    });
    var query = byId('f-text').value;
    if (query !== '') { parts.push('q=' + encodeURIComponent(query)); }
    try { history.replaceState(null, '', '#' + parts.join('&')); } catch (e) { /* a file: URL may refuse; the filter still applies */ }
  }

  Object.keys(FILTERS).forEach(function (name) {
    byId(FILTERS[name]).addEventListener('change', function () { apply(); writeFragment(); });
  });
  byId('f-text').addEventListener('input', function () { apply(); writeFragment(); });
  window.addEventListener('hashchange', readFragment);

  // Sorting: click a column header; again to reverse. Status and severity sort by rank, not by name.
  var sortKey = null;
  var sortDescending = false;
  function rank(key, value) {
    if (key === 'status') { return STATUSES.indexOf(value); }
    if (key === 'severity') { return SEVERITIES.indexOf(value); }
    return null;
  }
  function sortBy(key) {
    sortDescending = sortKey === key ? !sortDescending : false;
    sortKey = key;
    rows.sort(function (a, b) {
      var ra = rank(key, a.result[key]);
      var order = ra !== null
        ? ra - rank(key, b.result[key])
        : cell(a.result, key).localeCompare(cell(b.result, key));
      if (order === 0) { return a.index - b.index; }
      return sortDescending ? -order : order;
    });
    rows.forEach(function (row) { tbody.appendChild(row.tr); });
    Array.prototype.forEach.call(document.querySelectorAll('#results th'), function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-key') === key ? (sortDescending ? 'descending' : 'ascending') : 'none');
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('#results th'), function (th) {
    th.addEventListener('click', function () { sortBy(th.getAttribute('data-key')); });
  });

  readFragment();
  document.body.setAttribute('data-rendered', 'true');
}());
