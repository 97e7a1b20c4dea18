// Renders Slack Block Kit JSON (messages and modals) as HTML, the way the Slack client shows it.
(() => {
  const esc = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  /** Slack's own escapes (&amp; &lt; &gt;) decoded, in one pass so "&amp;lt;" shows as "&lt;", not "<". */
  const unslack = (s) => String(s).replace(/&(amp|lt|gt);/g, (_all, e) => ({ amp: '&', lt: '<', gt: '>' })[e]);
  const SAFE_URL = /^(https?:\/\/|mailto:)/i;

  /**
   * Slack mrkdwn → HTML. Only Slack's control sequences in angle brackets are special: <@U…> and <#C…|name>
   * mentions, <!here> and friends, <url|label> links. A "<" a person typed arrives as "&lt;" (Slack escapes &, < and
   * >), so it can form none of these and is shown as typed; then *bold*, _italic_, ~strike~, `code`, line breaks.
   */
  function mrkdwn(text, names = {}) {
    const src = String(text ?? '');
    const out = [];
    const re = /<([^<>]+)>/g;
    let last = 0;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      out.push(inline(unslack(src.slice(last, m.index))));
      out.push(control(m[1], names));
      last = m.index + m[0].length;
    }
    out.push(inline(unslack(src.slice(last))));
    return out.join('').replace(/\n/g, '<br>');
  }

  /** One <…> sequence: a mention, a channel, a special mention or a link; a label is shown for anything else. */
  function control(inner, names) {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? undefined : unslack(inner.slice(bar + 1));
    const mention = (shown) => `<span class="mention">${esc(shown)}</span>`;
    if (target.startsWith('@')) return mention(`@${names[target.slice(1)] ?? label ?? target.slice(1)}`);
    if (target.startsWith('#')) return mention(`#${label ?? target.slice(1)}`);
    if (target.startsWith('!subteam^')) return mention(label ?? '@groep');
    if (target.startsWith('!date^')) return esc(label ?? '');
    if (target.startsWith('!')) return mention(`@${target.slice(1)}`);
    const url = unslack(target);
    if (!SAFE_URL.test(url)) return esc(label ?? url);
    return `<a href="${esc(url)}" target="_blank" rel="noopener">${esc(label ?? url)}</a>`;
  }

  function inline(text) {
    return esc(text)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/g, '$1<b>$2</b>')
      .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/g, '$1<i>$2</i>')
      .replace(/(^|[\s(])~([^~\n]+)~(?=[\s).,:;!?]|$)/g, '$1<s>$2</s>');
  }

  const textOf = (t, names) => (!t ? '' : t.type === 'mrkdwn' ? mrkdwn(t.text, names) : esc(t.text));

  function button(el, onAction, blockId) {
    const b = document.createElement('button');
    b.className = `bk-button ${el.style ?? ''}`;
    b.type = 'button';
    b.textContent = el.text?.text ?? '';
    b.dataset.actionId = el.action_id;
    b.addEventListener('click', () => onAction({ actionId: el.action_id, value: el.value ?? '', blockId }));
    return b;
  }

  /** A message's blocks as DOM; buttons call onAction({actionId, value, blockId}). */
  function renderBlocks(blocks, { names = {}, onAction = () => {} } = {}) {
    const root = document.createElement('div');
    for (const block of blocks ?? []) {
      const div = document.createElement('div');
      switch (block.type) {
        case 'header':
          div.className = 'bk-header';
          div.innerHTML = textOf(block.text, names);
          break;
        case 'section': {
          div.className = 'bk-section';
          const body = document.createElement('div');
          if (block.text) body.innerHTML = textOf(block.text, names);
          if (block.fields) {
            const f = document.createElement('div');
            f.className = 'bk-fields';
            f.innerHTML = block.fields.map((x) => `<div>${textOf(x, names)}</div>`).join('');
            body.appendChild(f);
          }
          div.appendChild(body);
          if (block.accessory?.type === 'button') div.appendChild(button(block.accessory, onAction, block.block_id));
          break;
        }
        case 'context':
          div.className = 'bk-context';
          div.innerHTML = (block.elements ?? []).map((e) => (e.type === 'image' ? '' : textOf(e, names))).join(' ');
          break;
        case 'divider':
          root.appendChild(document.createElement('hr')).className = 'bk-divider';
          continue;
        case 'actions':
          div.className = 'bk-actions';
          for (const el of block.elements ?? [])
            if (el.type === 'button') div.appendChild(button(el, onAction, block.block_id));
          break;
        default:
          div.className = 'bk-context';
          div.textContent = `[${block.type}]`;
      }
      root.appendChild(div);
    }
    return root;
  }

  function inputElement(block, people) {
    const el = block.element ?? {};
    const id = `in-${block.block_id}`;
    switch (el.type) {
      case 'plain_text_input': {
        const input = document.createElement(el.multiline ? 'textarea' : 'input');
        if (!el.multiline) input.type = 'text';
        input.id = id;
        if (el.max_length) input.maxLength = el.max_length;
        if (el.placeholder) input.placeholder = el.placeholder.text;
        input.value = el.initial_value ?? '';
        return [input, () => ({ type: el.type, value: input.value })];
      }
      case 'users_select':
      case 'static_select':
      case 'radio_buttons': {
        const select = document.createElement('select');
        select.id = id;
        const options =
          el.type === 'users_select'
            ? people.map((p) => ({ value: p.slackId, text: { type: 'plain_text', text: p.name } }))
            : (el.options ?? []);
        select.innerHTML = `<option value="">—</option>${options.map((o) => `<option value="${esc(o.value)}">${esc(o.text.text)}</option>`).join('')}`;
        select.value = el.initial_user ?? el.initial_option?.value ?? '';
        return [
          select,
          () => {
            if (el.type === 'users_select') return { type: el.type, selected_user: select.value || null };
            const o = options.find((x) => x.value === select.value);
            return { type: el.type, selected_option: o ?? null };
          },
        ];
      }
      case 'checkboxes': {
        const box = document.createElement('div');
        box.id = id;
        const initial = new Set((el.initial_options ?? []).map((o) => o.value));
        box.innerHTML = (el.options ?? [])
          .map(
            (o) =>
              `<label><input type="checkbox" value="${esc(o.value)}" ${initial.has(o.value) ? 'checked' : ''}> ${esc(o.text.text)}</label><br>`,
          )
          .join('');
        return [
          box,
          () => ({
            type: 'checkboxes',
            selected_options: (el.options ?? []).filter(
              (o) => box.querySelector(`input[value="${CSS.escape(o.value)}"]`)?.checked,
            ),
          }),
        ];
      }
      default: {
        const span = document.createElement('span');
        span.textContent = `[${el.type}]`;
        return [span, () => null];
      }
    }
  }

  /** A modal view as DOM with its inputs; onSubmit(values in Slack's view.state.values shape). */
  function renderModal(view, { names = {}, people = [], errors = {}, onSubmit, onClose, onAction }) {
    const backdrop = document.createElement('div');
    backdrop.className = 'modal-backdrop';
    const modal = document.createElement('div');
    modal.className = 'modal';
    modal.setAttribute('role', 'dialog');
    modal.dataset.testid = 'modal';
    modal.innerHTML = `<h3>${esc(view.title?.text ?? '')}</h3>`;
    const content = document.createElement('div');
    content.className = 'content';
    const readers = [];
    for (const block of view.blocks ?? []) {
      if (block.type !== 'input') {
        content.appendChild(renderBlocks([block], { names, onAction }));
        continue;
      }
      const wrap = document.createElement('div');
      wrap.className = `bk-input${errors[block.block_id] ? ' invalid' : ''}`;
      wrap.dataset.blockId = block.block_id;
      const [control, read] = inputElement(block, people);
      wrap.innerHTML = `<label class="title" for="${control.id}">${esc(block.label?.text ?? '')}${block.optional ? ' <span class="muted">(optioneel)</span>' : ''}</label>`;
      wrap.appendChild(control);
      if (block.hint) wrap.insertAdjacentHTML('beforeend', `<div class="hint">${esc(block.hint.text)}</div>`);
      if (errors[block.block_id])
        wrap.insertAdjacentHTML('beforeend', `<div class="error" role="alert">${esc(errors[block.block_id])}</div>`);
      content.appendChild(wrap);
      readers.push([block, read]);
    }
    const footer = document.createElement('div');
    footer.className = 'footer';
    const cancel = document.createElement('button');
    cancel.textContent = view.close?.text ?? 'Annuleren';
    cancel.dataset.testid = 'modal-close';
    cancel.addEventListener('click', onClose);
    const submit = document.createElement('button');
    submit.textContent = view.submit?.text ?? 'Verstuur';
    submit.className = 'bk-button primary';
    submit.dataset.testid = 'modal-submit';
    submit.addEventListener('click', () => {
      const values = {};
      for (const [block, read] of readers) {
        const v = read();
        if (v) values[block.block_id] = { [block.element.action_id]: v };
      }
      onSubmit(values);
    });
    // A view without a submit button (a read-only one, like the history) has only its close button, as in Slack.
    footer.append(...(view.submit ? [cancel, submit] : [cancel]));
    modal.append(content, footer);
    backdrop.appendChild(modal);
    return backdrop;
  }

  /** Shows errors under the inputs in place, as Slack does: what the user typed stays. */
  function showErrors(modalEl, errors) {
    for (const wrap of modalEl.querySelectorAll('.bk-input')) {
      wrap.querySelector('.error')?.remove();
      const message = errors[wrap.dataset.blockId];
      wrap.classList.toggle('invalid', !!message);
      if (message) wrap.insertAdjacentHTML('beforeend', `<div class="error" role="alert">${esc(message)}</div>`);
    }
  }

  window.BlockKit = { renderBlocks, renderModal, showErrors, mrkdwn };
})();
