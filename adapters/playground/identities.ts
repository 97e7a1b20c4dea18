// The four people one can be in the playground, on each platform: so one person can press every button.
export type Persona = 'requester' | 'oldAdmin' | 'client' | 'outsider';

export interface Identity {
  persona: Persona;
  name: string;
  roleNl: string;
  roleEn: string;
  slackId: string;
  teamsId: string;
}

export const IDENTITIES: Identity[] = [
  {
    persona: 'requester',
    name: 'Rianne de Vries',
    roleNl: 'aanvrager en beheerder nieuwe omgeving',
    roleEn: 'requester and new environment admin',
    slackId: 'U0PGREQUEST',
    teamsId: '29:pg-requester',
  },
  {
    persona: 'oldAdmin',
    name: 'Otto Jansen',
    roleNl: 'beheerder oude omgeving',
    roleEn: 'old environment admin',
    slackId: 'U0PGOLDADMN',
    teamsId: '29:pg-old-admin',
  },
  {
    persona: 'client',
    name: 'Karin Bakker',
    roleNl: 'klant',
    roleEn: 'client',
    slackId: 'U0PGCLIENT0',
    teamsId: '29:pg-client',
  },
  {
    persona: 'outsider',
    name: 'Bram Smit',
    roleNl: 'buitenstaander',
    roleEn: 'outsider',
    slackId: 'U0PGOUTSIDE',
    teamsId: '29:pg-outsider',
  },
];

export const PLAYGROUND_SLACK = {
  team: 'T0PLAYGRND',
  channel: 'C0OVERNAMES',
  channelName: 'overnames',
  botUser: 'U0PGBOT0000',
  botId: 'B0PGBOT0000',
};
export const PLAYGROUND_TEAMS = {
  tenant: 'pg-tenant',
  conversation: '19:overnames-playground@thread.tacv2',
  team: '19:playground-team@thread.tacv2',
  botId: '28:overname-assistent',
  botName: 'Overname-assistent',
};

export function identity(persona: string): Identity {
  const found = IDENTITIES.find((i) => i.persona === persona);
  if (!found) throw Object.assign(new Error(`unknown persona "${persona}"`), { status: 400 });
  return found;
}

export function bySlackId(id: string): Identity | undefined {
  return IDENTITIES.find((i) => i.slackId === id);
}
