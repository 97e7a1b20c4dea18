// Teams' look for the playground: the Adaptive Cards host config of Teams' light theme, and Teams text as HTML.
(() => {
  /** Text colours as Teams' light theme draws them, the same on every container background. */
  const foregroundColors = {
    default: { default: '#242424', subtle: '#616161' },
    dark: { default: '#242424', subtle: '#616161' },
    light: { default: '#FFFFFF', subtle: '#F5F5F5' },
    accent: { default: '#5B5FC7', subtle: '#7579EB' },
    good: { default: '#237B4B', subtle: '#3B8A5F' },
    warning: { default: '#835C00', subtle: '#A47A00' },
    attention: { default: '#C4314B', subtle: '#D05A6E' },
  };
  const container = (backgroundColor) => ({ backgroundColor, foregroundColors });
  const fontSizes = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
  const fontWeights = { lighter: 300, default: 400, bolder: 600 };

  /** Teams' light theme as a host config for Microsoft's adaptivecards renderer. */
  const hostConfig = {
    supportsInteractivity: true,
    choiceSetInputValueSeparator: ',',
    fontTypes: {
      default: {
        fontFamily:
          "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
        fontSizes,
        fontWeights,
      },
      monospace: { fontFamily: "Consolas, 'Courier New', Courier, monospace", fontSizes, fontWeights },
    },
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E1DFDD' },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
      default: container('#FFFFFF'),
      emphasis: container('#F5F5F5'),
      accent: container('#E8EBFA'),
      good: container('#E7F2DA'),
      attention: container('#FCF4F6'),
      warning: container('#FBF6D9'),
    },
    actions: {
      maxActions: 6,
      spacing: 'Default',
      buttonSpacing: 8,
      showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
      preExpandSingleShowCardAction: false,
      actionsOrientation: 'Horizontal',
      actionAlignment: 'Left',
    },
    adaptiveCard: { allowCustomStyle: false },
    textStyles: { heading: { size: 'Large', weight: 'Bolder' } },
    factSet: {
      title: { weight: 'Bolder', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: 16,
    },
    inputs: {
      label: { inputSpacing: 'Small', requiredInputs: { suffix: ' *', suffixColor: 'Attention' } },
      errorMessage: { size: 'Small', color: 'Attention' },
    },
  };

  const esc = (s) =>
    String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  /** Private-use characters mark held pieces below; dropped from the input so no text can forge one. */
  const MARKS = /[\uE000\uE001]/g;

  /**
   * Teams markdown as Teams shows it: backslash escapes (the character itself, never formatting), **bold**,
   * _italic_, [label](https://…), "- " list items, line breaks. "<at>Name</at>" becomes a mention only when one of
   * `mentions` (the message's or card's mention entities) has exactly that text; all other text, tags included, is
   * shown as typed.
   */
  function markdown(text, mentions = []) {
    const held = [];
    const hold = (html) => `\uE000${held.push(html) - 1}\uE001`;
    let src = String(text ?? '').replace(MARKS, '');
    for (const m of mentions) {
      if (m?.type !== 'mention' || typeof m.text !== 'string' || !m.text) continue;
      const name = m.text.replace(/^<at>|<\/at>$/g, '');
      src = src.split(m.text).join(hold(`<span class="mention">${esc(name)}</span>`));
    }
    src = src.replace(/\\([\\*_`[\]~#>+-])/g, (_all, c) => hold(esc(c)));
    return esc(src)
      .replace(/^- /gm, '• ')
      .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
      .replace(/(^|[^\w])_(.+?)_(?=$|[^\w])/g, '$1<i>$2</i>')
      .replace(/\[([^\]]+)\]\(((?:https?:|mailto:)[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/\n/g, '<br>')
      .replace(/\uE000(\d+)\uE001/g, (_all, i) => held[Number(i)]);
  }

  /** What a person typed, as the channel shows it: the text itself with its line breaks, nothing interpreted. */
  function plain(text) {
    return esc(text ?? '').replace(/\n/g, '<br>');
  }

  window.TeamsView = { hostConfig, markdown, plain };
})();
