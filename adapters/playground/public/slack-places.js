// The Slack view's places besides the channel, as Slack shows an app: its Home tab and its Messages (the DM) tab.
(() => {
  const PLACES = {
    home: { title: 'Overname-assistent › Home', hint: 'Home: jouw overnames, zoals de app ze voor jou publiceert.' },
    dm: {
      title: 'Overname-assistent › Berichten',
      hint: 'Berichten: je privégesprek met de app; een export van de geschiedenis komt hier als bestand.',
    },
  };

  /** The title and hint above the timeline, for the platform's channel or the Slack place shown. */
  function heading(platform, place, channel) {
    if (PLACES[place]) return PLACES[place];
    return platform === 'slack'
      ? {
          title: `# ${channel ?? 'overnames'}`,
          hint: 'Slack: een bericht @noemt de bot; "/overname start", "/overname status" en "/overname <vraag>" zijn slash-commando’s.',
        }
      : {
          title: 'Kantoor › Overnames',
          hint: 'Teams: elk bericht @noemt de bot in het kanaal. Probeer "start", "status" of een vraag.',
        };
  }

  /** Shows the places bar in the Slack view, marks the place shown; only the channel has a composer. */
  function show(platform, place, channel) {
    const nav = document.getElementById('slack-places');
    nav.hidden = platform !== 'slack';
    for (const b of nav.querySelectorAll('button')) b.setAttribute('aria-selected', String(b.dataset.place === place));
    document.getElementById('composer').hidden = place !== 'channel';
    // Without a composer there is no thread to answer in: the styles hide the reply links there.
    document.getElementById('timeline').dataset.place = place;
    return heading(platform, place, channel);
  }

  /** Opening the Home tab is what makes the app publish it, as Slack's app_home_opened does. */
  function opened(platform, place, who) {
    if (platform !== 'slack' || place !== 'home') return null;
    return fetch('/playground/slack/home', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: who }),
    });
  }

  /** Calls pick(place) when the person picks the channel, the app's Home or its Messages. */
  function onPick(pick) {
    for (const b of document.querySelectorAll('#slack-places button'))
      b.addEventListener('click', () => pick(b.dataset.place));
  }

  /** A message's files as Slack shows them: a card with the name, which downloads the file. */
  function fileLinks(files, who) {
    const box = document.createElement('div');
    box.className = 'files';
    for (const f of files ?? []) {
      const a = document.createElement('a');
      a.className = 'file';
      a.dataset.testid = 'file';
      a.href = `/playground/slack/files/${encodeURIComponent(f.id)}?as=${encodeURIComponent(who)}`;
      a.download = f.name;
      // The name as the app gave it: text, never markup.
      a.textContent = `📄 ${f.title || f.name}`;
      box.appendChild(a);
    }
    return box;
  }

  /** The Home tab: the view the app last published for this person, its buttons live; or that there is none yet. */
  function home(view, { names, onAction }) {
    const page = document.createElement('div');
    page.className = 'home';
    page.dataset.testid = 'home';
    if (!view) {
      page.innerHTML = '<p class="muted">De app heeft voor jou nog geen Home-pagina gepubliceerd.</p>';
      return [page];
    }
    page.appendChild(BlockKit.renderBlocks(view.view.blocks, { names, onAction }));
    return [page];
  }

  window.SlackPlaces = { show, opened, onPick, fileLinks, home };
})();
