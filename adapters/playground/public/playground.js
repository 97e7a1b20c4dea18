// The playground page: polls the fake channel, renders Slack (Block Kit) and Teams (Adaptive Cards) views, and sends
// what the person does back as Slack requests and Teams activities through the service's real adapters.
(() => {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const ui = {
    who: params.get('as') ?? 'requester',
    platform: params.get('platform') ?? 'teams',
    /** In the Slack view: the channel, the app's Home tab or the DM with the app. */
    place: params.get('place') ?? 'channel',
    thread: null,
    state: null,
    stamp: '',
  };
  /** Teams invoke responses and user-specific refreshes, per persona and activity version. */
  const teamsCards = new Map();
  /** Rendered card elements by persona, activity version and card JSON. */
  const renderedCards = new Map();
  let cardsInView = new Set();
  let modalShown = null;

  const post = (path, body) =>
    fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => r.json(),
    );

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => (t.hidden = true), 4000);
  }

  const me = () => ui.state?.identities.find((i) => i.persona === ui.who);
  const names = () =>
    Object.fromEntries(
      (ui.state?.identities ?? []).flatMap((i) => [
        [i.slackId, i.name],
        [i.teamsId, i.name],
      ]),
    );

  async function refresh(force = false) {
    const res = await fetch(`/playground/state?as=${encodeURIComponent(ui.who)}`);
    const state = await res.json();
    // The clock ticks every poll; only a change in what the channel shows is worth a re-render.
    const stamp = JSON.stringify({ ...state, clock: undefined });
    ui.state = state;
    showClock();
    if (!force && stamp === ui.stamp) return;
    ui.stamp = stamp;
    render();
  }

  function showClock() {
    const s = ui.state;
    $('clock').textContent = new Date(s.clock).toLocaleString('nl-NL', {
      timeZone: s.timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    $('clock').dateTime = s.clock;
  }

  function render() {
    const s = ui.state;
    document.body.className = ui.platform;
    for (const tab of document.querySelectorAll('.tabs button'))
      tab.setAttribute('aria-selected', String(tab.dataset.platform === ui.platform));
    const available = s.platforms[ui.platform];
    $('unavailable').hidden = available;
    $('unavailable').textContent = available
      ? ''
      : `Deze weergave is uit: er zijn echte ${ui.platform === 'slack' ? 'Slack' : 'Teams'}-gegevens ingesteld, dus de speeltuin speelt dat platform niet na.`;
    const place = ui.platform === 'slack' ? ui.place : 'channel';
    const heading = SlackPlaces.show(ui.platform, place, s.slack?.channel);
    $('channel-title').textContent = heading.title;
    $('hint').textContent = heading.hint;
    $('thread-target').hidden = !ui.thread;
    const timeline = $('timeline');
    const atBottom = timeline.scrollTop + timeline.clientHeight >= timeline.scrollHeight - 30;
    cardsInView = new Set();
    timeline.replaceChildren(
      ...(ui.platform !== 'slack'
        ? teamsTimeline()
        : place === 'home'
          ? SlackPlaces.home(s.slack?.home, { names: names(), onAction: viewAction('home') })
          : slackTimeline(place === 'dm' ? s.slack?.dm : s.slack?.messages)),
    );
    for (const key of renderedCards.keys()) if (!cardsInView.has(key)) renderedCards.delete(key);
    if (atBottom) timeline.scrollTop = timeline.scrollHeight;
    renderModal();
  }

  /** Initials for an avatar, as both platforms draw them: "Rianne Aanvrager" → "RA". */
  const initials = (name) => {
    const words = String(name).split(/\s+/).filter(Boolean);
    return `${words[0]?.[0] ?? ''}${words.length > 1 ? words.at(-1)[0] : ''}`.toUpperCase();
  };

  /** A message's time as the platforms show it: "14:05" today, with the day before it otherwise. */
  function shownTime(date) {
    const zone = { timeZone: ui.state.timeZone };
    const today = new Date().toLocaleDateString('nl-NL', zone) === date.toLocaleDateString('nl-NL', zone);
    const time = date.toLocaleTimeString('nl-NL', { ...zone, hour: '2-digit', minute: '2-digit' });
    return today ? time : `${date.toLocaleDateString('nl-NL', { ...zone, day: 'numeric', month: 'short' })} ${time}`;
  }

  /** One message: avatar, author and time, then its content; in Teams a channel post, in Slack a channel line. */
  function shell({ bot, name, at, edited, ephemeral, threadRoot }) {
    const teams = ui.platform === 'teams';
    const el = document.createElement('div');
    el.className = `msg${bot ? ' bot' : ''}${ephemeral ? ' ephemeral' : ''}`;
    el.dataset.testid = 'msg';
    el.innerHTML =
      '<div class="avatar" aria-hidden="true"></div><div class="body"><div class="meta"><b class="author"></b><time></time><span class="edited"></span></div><div class="content"></div></div>';
    el.querySelector('.avatar').textContent = bot ? 'OA' : initials(name);
    el.querySelector('.author').textContent = name;
    const time = el.querySelector('time');
    if (!Number.isNaN(at.getTime())) {
      time.textContent = shownTime(at);
      time.dateTime = at.toISOString();
    }
    el.querySelector('.edited').textContent = edited ? (teams ? 'Bewerkt' : '(bewerkt)') : '';
    if (ephemeral)
      el.querySelector('.body').insertAdjacentHTML(
        'beforeend',
        '<div class="ephemeral-note">Alleen zichtbaar voor jou</div>',
      );
    if (threadRoot) {
      const reply = document.createElement('button');
      reply.type = 'button';
      reply.className = 'reply-link';
      reply.textContent = teams ? '↩ Antwoorden' : 'Antwoord in thread';
      reply.addEventListener('click', () => {
        ui.thread = threadRoot;
        render();
        $('text').focus();
      });
      el.querySelector('.body').appendChild(reply);
    }
    return el;
  }

  /** Replies go under their post, above its reply link, as in a Teams post and a Slack thread. */
  const addThread = (el, thread) => el.querySelector('.body').insertBefore(thread, el.querySelector('.reply-link'));

  /** A press in a view (the open modal or the Home tab): Slack sends the view, not a message. */
  const viewAction = (view) => async (a) => {
    const r = await post('/playground/slack/view-action', { as: ui.who, view, ...a });
    if (r.status >= 400) toast(`Slack antwoordde ${r.status}`);
    refresh();
  };

  function slackTimeline(list) {
    const msgs = list ?? [];
    const n = names();
    const byRoot = new Map();
    for (const m of msgs)
      if (m.threadTs && m.threadTs !== m.ts) byRoot.set(m.threadTs, [...(byRoot.get(m.threadTs) ?? []), m]);
    const one = (m, root) => {
      const bot = m.user === ui.state.slack.botUser;
      const el = shell({
        bot,
        name: bot ? 'Overname-assistent' : (n[m.user] ?? m.user),
        ephemeral: !!m.ephemeralFor,
        threadRoot: root ? m.ts : null,
        at: new Date(Number(m.ts) * 1000),
        edited: m.updates > 0,
      });
      const content = el.querySelector('.content');
      if (m.blocks?.length) {
        content.appendChild(
          BlockKit.renderBlocks(m.blocks, {
            names: n,
            onAction: async (a) => {
              const r = await post('/playground/slack/action', { as: ui.who, ts: m.ts, ...a });
              if (r.status >= 400) toast(`Slack antwoordde ${r.status}`);
              refresh();
            },
          }),
        );
      } else content.innerHTML = BlockKit.mrkdwn(m.text, n); // as Slack delivers it: what people typed is escaped
      if (m.files?.length) content.appendChild(SlackPlaces.fileLinks(m.files, ui.who));
      return el;
    };
    return msgs
      .filter((m) => !m.threadTs || m.threadTs === m.ts)
      .map((m) => {
        const el = one(m, true);
        const replies = byRoot.get(m.ts) ?? [];
        if (replies.length) {
          const t = document.createElement('div');
          t.className = 'thread';
          t.append(...replies.map((r) => one(r, false)));
          addThread(el, t);
        }
        return el;
      });
  }

  function teamsTimeline() {
    const acts = ui.state.teams?.activities ?? [];
    const replies = new Map();
    for (const a of acts) if (a.replyToId) replies.set(a.replyToId, [...(replies.get(a.replyToId) ?? []), a]);
    const one = (a, root) => {
      const bot = a.fromId === ui.state.teams.botId;
      const el = shell({
        bot,
        name: a.fromName,
        threadRoot: root ? a.id : null,
        // Activity ids are milliseconds, like Teams' message ids.
        at: new Date(Number(a.id)),
        edited: a.updates > 0,
      });
      const content = el.querySelector('.content');
      const card = a.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
      // The bot's text is Teams markdown with its mentions; what a person typed is shown as typed.
      const html = bot ? TeamsView.markdown(a.text, a.entities ?? []) : TeamsView.plain(a.text);
      if (a.text) content.insertAdjacentHTML('beforeend', `<div class="text">${html}</div>`);
      if (card) content.appendChild(teamsCard(a, card));
      return el;
    };
    return acts
      .filter((a) => !a.replyToId)
      .map((a) => {
        const el = one(a, true);
        const rs = replies.get(a.id) ?? [];
        if (rs.length) {
          const t = document.createElement('div');
          t.className = 'thread';
          t.append(...rs.map((r) => one(r, false)));
          addThread(el, t);
        }
        return el;
      });
  }

  const escHtml = (s) =>
    String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  /** Mention entities of the card being rendered: the renderer asks for its markdown while it renders. */
  let cardMentions = [];
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = TeamsView.markdown(text, cardMentions);
    result.didProcess = true;
  };
  const hostConfig = new AdaptiveCards.HostConfig(TeamsView.hostConfig);

  function teamsCard(activity, card) {
    const host = document.createElement('div');
    host.className = `ac-host${card.msteams?.width === 'Full' ? ' full' : ''}`;
    host.dataset.testid = 'card';
    const key = `${ui.who}|${activity.id}|${activity.updates}`;
    const mine = teamsCards.get(key);
    const id = me()?.teamsId;
    if (!mine && card.refresh?.userIds?.includes(id)) {
      // Teams refreshes a user-specific view for the people in refresh.userIds: ask the bot for this user's card.
      teamsCards.set(key, { pending: true });
      post('/playground/teams/execute', {
        as: ui.who,
        activityId: activity.id,
        verb: card.refresh.action.verb,
        data: card.refresh.action.data ?? {},
        trigger: 'automatic',
      }).then((r) => {
        teamsCards.set(key, { card: r.body?.value });
        render();
      });
    }
    const shown = mine?.card ?? card;
    // Re-use the rendered card while it is unchanged, so what the person is typing into it survives re-renders.
    const domKey = `${key}|${JSON.stringify(shown)}`;
    cardsInView.add(domKey);
    const cached = renderedCards.get(domKey);
    if (cached) return cached;
    renderedCards.set(domKey, host);
    const ac = new AdaptiveCards.AdaptiveCard();
    ac.hostConfig = hostConfig;
    ac.onExecuteAction = async (action) => {
      const verb = action.verb ?? action.data?.verb;
      const r = await post('/playground/teams/execute', {
        as: ui.who,
        activityId: activity.id,
        verb,
        data: action.data ?? {},
      });
      const body = r.body ?? {};
      if (body.type === 'application/vnd.microsoft.card.adaptive') teamsCards.set(key, { card: body.value });
      else if (body.value) toast(String(body.value));
      else if (r.status >= 400) toast(`Teams antwoordde ${r.status}`);
      await refresh(true);
    };
    ac.parse(shown);
    cardMentions = shown.msteams?.entities ?? [];
    try {
      host.appendChild(ac.render());
    } finally {
      cardMentions = [];
    }
    return host;
  }

  function renderModal() {
    const modal = ui.platform === 'slack' ? ui.state.slack?.modal : null;
    const root = $('modal-root');
    if (!modal) {
      root.replaceChildren();
      modalShown = null;
      return;
    }
    if (modalShown === `${ui.who}|${modal.id}|${JSON.stringify(modal.view)}`) return;
    modalShown = `${ui.who}|${modal.id}|${JSON.stringify(modal.view)}`;
    const el = BlockKit.renderModal(modal.view, {
      names: names(),
      people: ui.state.identities,
      onAction: viewAction('modal'),
      onClose: async () => {
        await post('/playground/slack/close', { as: ui.who });
        refresh();
      },
      onSubmit: async (values) => {
        const r = await post('/playground/slack/submit', { as: ui.who, values });
        if (r.errors) BlockKit.showErrors(el, r.errors);
        else refresh();
      },
    });
    root.replaceChildren(el);
  }

  /** "geen herinneringen", "1 herinnering", "2 herinneringen". */
  const reminders = (n) => (n === 1 ? '1 herinnering' : `${n > 0 ? n : 'geen'} herinneringen`);

  function setup() {
    // Opening the Home tab is what tells the app to publish it, as Slack's app_home_opened does.
    const openHome = () => SlackPlaces.opened(ui.platform, ui.place, ui.who);
    $('who').addEventListener('change', async (e) => {
      ui.who = e.target.value;
      modalShown = null;
      await openHome();
      refresh(true);
    });
    SlackPlaces.onPick(async (place) => {
      ui.place = place;
      ui.thread = null;
      await openHome();
      refresh(true);
    });
    for (const tab of document.querySelectorAll('.tabs button')) {
      tab.addEventListener('click', async () => {
        ui.platform = tab.dataset.platform;
        ui.thread = null;
        modalShown = null;
        await openHome();
        refresh(true);
      });
    }
    $('thread-clear').addEventListener('click', () => {
      ui.thread = null;
      render();
    });
    $('composer').addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = $('text').value.trim();
      if (!text) return;
      $('text').value = '';
      const r = await post('/playground/say', { platform: ui.platform, as: ui.who, text, thread: ui.thread });
      if (r.error) toast(r.error);
      refresh();
    });
    $('next-day').addEventListener('click', async () => {
      const r = await post('/playground/clock/next-working-day', {});
      const when = new Date(r.clock).toLocaleString('nl-NL', {
        timeZone: ui.state.timeZone,
        dateStyle: 'medium',
        timeStyle: 'short',
      });
      toast(`Demoklok: ${when} — ${reminders(r.fired)} verstuurd`);
      refresh(true);
    });
  }

  async function start() {
    setup();
    await SlackPlaces.opened(ui.platform, ui.place, ui.who);
    await refresh(true);
    $('who').innerHTML = ui.state.identities
      .map((i) => `<option value="${i.persona}">${escHtml(i.name)} — ${escHtml(i.roleNl)}</option>`)
      .join('');
    $('who').value = ui.who;
    setInterval(() => refresh().catch(() => {}), 1000);
  }

  start();
})();
